import {
  Body1,
  Button,
  Caption1,
  Field,
  makeStyles,
  Select,
  Spinner,
  Subtitle1,
  Title2,
  tokens,
} from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import type { CharterApi } from '../api/charter-api';
import type { TeamMember, VersionDiff, VersionSummary } from '../api/types';
import { formatDateTime } from '../format';
import { strings } from '../strings';
import { DiffView } from './diff-view';

const useStyles = makeStyles({
  root: { display: 'grid', rowGap: tokens.spacingVerticalXL, maxWidth: '880px' },
  list: {
    margin: 0,
    paddingLeft: 0,
    listStyleType: 'none',
    display: 'grid',
    rowGap: tokens.spacingVerticalM,
  },
  item: {
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    borderLeft: `${tokens.strokeWidthThick} solid ${tokens.colorBrandStroke1}`,
    backgroundColor: tokens.colorNeutralBackground2,
    borderRadius: tokens.borderRadiusMedium,
  },
  compare: { display: 'flex', flexWrap: 'wrap', columnGap: tokens.spacingHorizontalL, alignItems: 'end' },
  secondary: { color: tokens.colorNeutralForeground2 },
});

/** Every version with its author, time and reason; a readable diff between any two. */
export function HistoryView(props: {
  api: CharterApi;
  teamId: string;
  members: readonly TeamMember[];
  viewerZone: string;
}) {
  const styles = useStyles();
  const { api, teamId } = props;
  const [versions, setVersions] = useState<VersionSummary[] | null>(null);
  const [from, setFrom] = useState(0);
  const [to, setTo] = useState(0);
  const [diff, setDiff] = useState<VersionDiff | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    api.versions(teamId).then(
      (list) => {
        if (!live) return;
        setVersions(list);
        const newest = list[0]?.version ?? 0;
        setTo(newest);
        setFrom(Math.max(1, newest - 1));
      },
      (e: unknown) => live && setError(e instanceof Error ? e.message : strings.loadFailed),
    );
    return () => {
      live = false;
    };
  }, [api, teamId]);

  async function compare(): Promise<void> {
    setError(null);
    try {
      setDiff(await api.diff(teamId, from, to));
    } catch (e) {
      setError(e instanceof Error ? e.message : strings.loadFailed);
    }
  }

  if (error) return <Body1 role="alert">{error}</Body1>;
  if (!versions) return <Spinner label={strings.loading} />;
  const when = (v: VersionSummary): string => formatDateTime(v.createdAt, props.viewerZone);

  return (
    <div className={styles.root}>
      <Title2 as="h1">{strings.historyTitle}</Title2>
      {versions.length === 0 ? <Body1>{strings.noHistory}</Body1> : null}
      {versions.length > 1 ? (
        <section aria-labelledby="compare-title">
          <Subtitle1 as="h2" id="compare-title">
            {strings.compare}
          </Subtitle1>
          <div className={styles.compare}>
            <Field label={strings.compareFrom}>
              <Select value={String(from)} onChange={(_e, d) => setFrom(Number(d.value))}>
                {versions.map((v) => (
                  <option key={v.version} value={v.version}>
                    {strings.versionOption(v.version, when(v))}
                  </option>
                ))}
              </Select>
            </Field>
            <Field label={strings.compareTo}>
              <Select value={String(to)} onChange={(_e, d) => setTo(Number(d.value))}>
                {versions.map((v) => (
                  <option key={v.version} value={v.version}>
                    {strings.versionOption(v.version, when(v))}
                  </option>
                ))}
              </Select>
            </Field>
            <Button appearance="primary" onClick={() => void compare()}>
              {strings.showDiff}
            </Button>
          </div>
          {diff ? (
            <section aria-label={`${diff.from} → ${diff.to}`}>
              <Body1 block>{diff.summary}</Body1>
              <DiffView diff={diff.changes} members={props.members} />
            </section>
          ) : null}
        </section>
      ) : null}
      <ol className={styles.list} aria-label={strings.historyTitle}>
        {versions.map((v) => (
          <li key={v.version} className={styles.item}>
            <Body1 block>
              <strong>{strings.versionLine(v.version, v.author.name)}</strong> · {when(v)}
            </Body1>
            <Body1 block>{v.summary}</Body1>
            <Caption1 className={styles.secondary}>{v.why ?? strings.noWhy}</Caption1>
          </li>
        ))}
      </ol>
    </div>
  );
}
