import {
  Body1,
  Button,
  Caption1,
  Field,
  makeStyles,
  Spinner,
  Subtitle1,
  tokens,
} from '@fluentui/react-components';
import { useState } from 'react';

import type { TeamMember, VersionDiff, VersionSummary } from '../../../contract/api-types';
import { isEmptyDiff } from '../../../domain/charter/diff-charters';
import { plainList } from '../app/plain-list';
import { OptionsSelect } from '../charter/options-select';
import { formatDateTime } from '../format';
import { appStrings } from '../strings/app';
import { charterStrings } from '../strings/charter';
import { historyStrings } from '../strings/history';
import { DiffView } from './diff-view';
import { useVersionHistory } from './use-version-history';
import type { VersionHistoryProps } from './version-history.types';
import { VersionPanel } from './version-panel';

const useStyles = makeStyles({
  root: { display: 'grid', rowGap: tokens.spacingVerticalXL, maxWidth: '880px' },
  list: plainList(tokens.spacingVerticalM),
  item: {
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    borderLeft: `${tokens.strokeWidthThick} solid ${tokens.colorBrandStroke1}`,
    backgroundColor: tokens.colorNeutralBackground2,
    borderRadius: tokens.borderRadiusMedium,
  },
  itemHeader: {
    display: 'flex',
    flexWrap: 'wrap',
    justifyContent: 'space-between',
    alignItems: 'baseline',
    columnGap: tokens.spacingHorizontalM,
  },
  compare: { display: 'flex', flexWrap: 'wrap', columnGap: tokens.spacingHorizontalL, alignItems: 'end' },
  secondary: { color: tokens.colorNeutralForeground2 },
});

/**
 * Every version with its author, time and reason; a readable diff between any two; any version opened in full and,
 * for editors, restored as a new version.
 */
export function HistoryView(
  props: VersionHistoryProps & {
    members: readonly TeamMember[];
    viewerZone: string;
    canEdit: boolean;
  },
) {
  const styles = useStyles();
  const { api, teamId } = props;
  const history = useVersionHistory(props);
  const { versions } = history;
  // null until the person picks; then the newest two versions are the default pair.
  const [picked, setPicked] = useState<{ from: number; to: number } | null>(null);
  const [diff, setDiff] = useState<VersionDiff | null>(null);
  const [diffError, setDiffError] = useState<string | null>(null);
  const newest = versions?.[0]?.version ?? 0;
  const from = picked?.from ?? Math.max(1, newest - 1);
  const to = picked?.to ?? newest;

  async function compare(): Promise<void> {
    setDiffError(null);
    try {
      setDiff(await api.diff(teamId, from, to));
    } catch (e) {
      setDiffError(e instanceof Error ? e.message : appStrings.loadFailed);
    }
  }

  const error = history.loadError ?? diffError;
  if (error) return <Body1 role="alert">{error}</Body1>;
  if (!versions) return <Spinner label={appStrings.loading} />;
  const when = (v: VersionSummary): string => formatDateTime(v.createdAt, props.viewerZone);
  const versionOptions = versions.map((v) => ({
    value: String(v.version),
    label: historyStrings.versionOption(v.version, when(v)),
  }));

  // One status region for both the list and an opened version, so what a restore did is announced across the switch.
  const status = (
    <Body1 role="status" block>
      {history.announcement}
    </Body1>
  );
  if (history.opened)
    return (
      <div className={styles.root}>
        {status}
        <VersionPanel
          history={history}
          members={props.members}
          viewerZone={props.viewerZone}
          canEdit={props.canEdit}
        />
      </div>
    );

  return (
    <div className={styles.root}>
      {status}
      {/* Plain markup over Fluent's Title2 tokens (tab.css): Fluent's Text takes no ref to move the focus to. */}
      <h1 className="tc-title2" ref={history.historyHeadingRef} tabIndex={-1}>
        {historyStrings.title}
      </h1>
      {versions.length === 0 ? <Body1>{historyStrings.noVersions}</Body1> : null}
      {versions.length > 1 ? (
        <section aria-labelledby="compare-title">
          <Subtitle1 as="h2" id="compare-title">
            {historyStrings.compare}
          </Subtitle1>
          <div className={styles.compare}>
            <Field label={historyStrings.fromVersion}>
              <OptionsSelect
                value={String(from)}
                options={versionOptions}
                onSelect={(v) => setPicked({ from: Number(v), to })}
              />
            </Field>
            <Field label={historyStrings.toVersion}>
              <OptionsSelect
                value={String(to)}
                options={versionOptions}
                onSelect={(v) => setPicked({ from, to: Number(v) })}
              />
            </Field>
            <Button appearance="primary" onClick={() => void compare()}>
              {historyStrings.showChanges}
            </Button>
          </div>
          {diff ? (
            <section aria-label={`${diff.from} → ${diff.to}`}>
              {/* An empty diff says so once, in DiffView; the summary would only repeat it. */}
              {isEmptyDiff(diff.changes) ? null : <Body1 block>{diff.summary}</Body1>}
              <DiffView diff={diff.changes} members={props.members} />
            </section>
          ) : null}
        </section>
      ) : null}
      {history.openError ? <Body1 role="alert">{history.openError}</Body1> : null}
      <ol className={styles.list} aria-label={historyStrings.title}>
        {versions.map((v) => (
          <li key={v.version} className={styles.item}>
            <div className={styles.itemHeader}>
              <Body1 block>
                <strong>{charterStrings.versionLine(v.version, v.author.name)}</strong> · {when(v)}
              </Body1>
              <Button
                size="small"
                ref={history.openButtonRef(v.version)}
                aria-label={historyStrings.openLabel(v.version)}
                disabledFocusable={history.opening === v.version}
                onClick={() => void history.open(v.version)}
              >
                {historyStrings.open}
              </Button>
            </div>
            <Body1 block>{v.summary}</Body1>
            <Caption1 className={styles.secondary}>{v.why ?? historyStrings.noReason}</Caption1>
          </li>
        ))}
      </ol>
    </div>
  );
}
