import {
  Body1,
  Button,
  Caption1,
  makeStyles,
  MessageBar,
  MessageBarBody,
  tokens,
} from '@fluentui/react-components';

import type { TeamMember } from '../../../contract/api-types';
import { SelfRemovalDialog } from '../charter/self-removal-dialog';
import { formatDateTime } from '../format';
import { charterStrings } from '../strings/charter';
import { historyStrings } from '../strings/history';
import type { VersionHistoryModel } from './use-version-history';
import { VersionContent } from './version-content';

const useStyles = makeStyles({
  root: { display: 'grid', rowGap: tokens.spacingVerticalL },
  header: { display: 'grid', rowGap: tokens.spacingVerticalXS, justifyItems: 'start' },
  restore: { display: 'grid', rowGap: tokens.spacingVerticalXS, justifyItems: 'start' },
  secondary: { color: tokens.colorNeutralForeground2 },
  details: { margin: 0, paddingInlineStart: tokens.spacingHorizontalL },
});

/**
 * One version opened in full, read-only, with the way back to the list and, for editors, Restore (saved as a new
 * version; the head needs no restoring).
 */
export function VersionPanel(props: {
  history: VersionHistoryModel;
  members: readonly TeamMember[];
  viewerZone: string;
  canEdit: boolean;
}) {
  const styles = useStyles();
  const { history } = props;
  const version = history.opened;
  if (!version) return null;
  const isHead = history.versions?.[0]?.version === version.version;
  const hintId = `restore-hint-${version.version}`;

  return (
    <section className={styles.root} aria-labelledby="version-title">
      <div className={styles.header}>
        <Button appearance="subtle" onClick={history.close}>
          {historyStrings.backToHistory}
        </Button>
        <h1 className="tc-title2" id="version-title" ref={history.versionHeadingRef} tabIndex={-1}>
          {charterStrings.versionLine(version.version, version.author.name)}
        </h1>
        <Caption1 className={styles.secondary}>
          {formatDateTime(version.createdAt, props.viewerZone)} · {version.why ?? historyStrings.noReason}
        </Caption1>
        <Body1>{isHead ? historyStrings.currentVersionNote : historyStrings.readOnlyNote}</Body1>
      </div>

      {props.canEdit && !isHead ? (
        <div className={styles.restore}>
          <Button
            appearance="primary"
            ref={history.restoreRef}
            aria-describedby={hintId}
            disabledFocusable={history.restoring}
            onClick={history.requestRestore}
          >
            {history.restoring ? historyStrings.restore.restoring : historyStrings.restore.button}
          </Button>
          <Caption1 id={hintId} className={styles.secondary}>
            {historyStrings.restore.hint(version.version)}
          </Caption1>
          <SelfRemovalDialog
            open={history.confirmingSelfRemoval}
            onCancel={history.cancelRestore}
            onConfirm={history.confirmRestore}
          />
          {history.problem ? (
            <MessageBar intent="warning" layout="multiline" role="alert">
              <MessageBarBody>
                {history.problem.text}
                {history.problem.details.length > 0 ? (
                  <ul className={styles.details}>
                    {history.problem.details.map((d) => (
                      <li key={d}>{d}</li>
                    ))}
                  </ul>
                ) : null}
              </MessageBarBody>
            </MessageBar>
          ) : null}
        </div>
      ) : null}

      <VersionContent content={version.content} members={props.members} />
    </section>
  );
}
