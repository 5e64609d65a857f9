/**
 * What is new or waiting for the person in one team (a chunk that follows the first paint): what changed in the
 * charter since they last looked, their open check-in, and the team's next review.
 */
import { makeStyles, tokens } from '@fluentui/react-components';

import type { CheckInAnswerSaved, MyCharter } from '../../../contract/api-types';
import type { CharterApi } from '../api/charter-api';
import { ChangesSinceSeen } from './changes-since-seen';
import { CheckInForm } from './check-in-form';
import { NextReview } from './next-review';

export interface TeamUpdatesProps {
  team: MyCharter;
  api: CharterApi;
  /** The viewer's IANA zone: dates and times are shown in it. */
  viewerZone: string;
  onMarkSeen: (teamId: string) => Promise<void>;
  onAnswered: (teamId: string, saved: CheckInAnswerSaved) => void;
}

const useStyles = makeStyles({
  // Wraps to one column in a narrow host (Teams mobile, Outlook's reading pane): the check-in takes the room.
  root: {
    display: 'flex',
    flexWrap: 'wrap',
    rowGap: tokens.spacingVerticalL,
    columnGap: tokens.spacingHorizontalXXL,
    alignItems: 'flex-start',
  },
  wide: { flexBasis: '100%', minWidth: 0 },
  checkIn: { flex: '2 1 320px', minWidth: 0 },
  review: { flex: '1 1 200px', minWidth: 0 },
});

export function TeamUpdates({ team, api, viewerZone, onMarkSeen, onAnswered }: TeamUpdatesProps) {
  const styles = useStyles();
  const charter = team.charter;
  return (
    <div className={styles.root}>
      {charter && (team.changesSinceSeen || team.lastSeenVersion === null) ? (
        <div className={styles.wide}>
          <ChangesSinceSeen team={team} viewerZone={viewerZone} onMarkSeen={onMarkSeen} />
        </div>
      ) : null}
      {team.openCheckIn ? (
        <div className={styles.checkIn}>
          <CheckInForm
            key={team.openCheckIn.roundId}
            teamId={team.teamId}
            teamName={team.teamName}
            checkIn={team.openCheckIn}
            api={api}
            viewerZone={viewerZone}
            onAnswered={onAnswered}
          />
        </div>
      ) : null}
      {charter?.content.review ? (
        <div className={styles.review}>
          <NextReview review={team.nextReview} viewerZone={viewerZone} />
        </div>
      ) : null}
    </div>
  );
}
