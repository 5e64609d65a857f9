/**
 * What changed in a team's charter since the person last looked: the versions written since (who, when, why) and the
 * clause-level diff, with "Mark as read". Someone who has never looked is told so (everything is new to them).
 */
import { Button, Caption1, makeStyles, Subtitle2, Text, tokens } from '@fluentui/react-components';
import { useState } from 'react';

import type { MyCharter } from '../../../contract/api-types';
import { formatDateTime } from '../format';
import { DiffView } from '../history/diff-view';
import { myChartersStrings as s } from '../strings/my-charters';

const useStyles = makeStyles({
  root: {
    display: 'grid',
    rowGap: tokens.spacingVerticalM,
    padding: tokens.spacingVerticalM,
    borderRadius: tokens.borderRadiusMedium,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  versions: {
    margin: 0,
    paddingInlineStart: tokens.spacingHorizontalXL,
    display: 'grid',
    rowGap: tokens.spacingVerticalXS,
  },
  actions: { display: 'flex', alignItems: 'center', columnGap: tokens.spacingHorizontalM, flexWrap: 'wrap' },
});

export function ChangesSinceSeen(props: {
  team: MyCharter;
  viewerZone: string;
  onMarkSeen: (teamId: string) => Promise<void>;
}) {
  const { team, viewerZone, onMarkSeen } = props;
  const styles = useStyles();
  const [state, setState] = useState<'idle' | 'saving' | 'failed'>('idle');
  const changes = team.changesSinceSeen;
  const headingId = `changes-${team.teamId}`;
  const markSeen = (): void => {
    setState('saving');
    onMarkSeen(team.teamId).then(
      () => undefined, // the section leaves the page; the page announces it (my-charters-page.tsx)
      () => setState('failed'),
    );
  };
  return (
    <section className={styles.root} aria-labelledby={headingId}>
      <Subtitle2 as="h3" id={headingId}>
        {changes ? s.changed.title(changes.versions.length) : s.changed.newToYou}
      </Subtitle2>
      {changes ? (
        <>
          <ol className={styles.versions}>
            {changes.versions.map((v) => (
              <li key={v.version}>
                <Text>{v.summary}</Text>{' '}
                <Caption1>
                  ({s.changed.byWhom(v.author.name, formatDateTime(v.createdAt, viewerZone))}
                  {v.why ? `: ${v.why}` : ''})
                </Caption1>
              </li>
            ))}
          </ol>
          <DiffView
            diff={changes.changes}
            members={changes.people.map((p) => ({ ...p, timeZone: null, email: null }))}
          />
        </>
      ) : null}
      <div className={styles.actions}>
        <Button onClick={markSeen} disabled={state === 'saving'}>
          {s.changed.markSeen}
        </Button>
        {state === 'failed' ? <Text role="alert">{s.changed.failed}</Text> : null}
      </div>
    </section>
  );
}
