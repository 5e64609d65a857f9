/**
 * The meeting's side panel (280–320 px): the review in progress — where the room is and that section's time left,
 * the clause with its decision, +1s and notes; every member's +1 and note; for the charter's editors the
 * facilitator's controls (start, walk, decide, end, share to stage); and the agenda the app wrote. It follows the
 * review live as the stage does (use-live-review), so two facilitators see each other's steps.
 */
import { Body1, Button, Caption1, Spinner, Subtitle1 } from '@fluentui/react-components';
import { useState } from 'react';

import type { CharterApi } from '../api/charter-api';
import type { SignInProblem } from '../host/sign-in';
import { appStrings } from '../strings/app';
import { meetingStrings } from '../strings/meeting';
import { ClauseCard } from './clause-card';
import { ClauseReactions } from './clause-reactions';
import { EndReview } from './end-review';
import { FacilitatorPanel } from './facilitator-panel';
import { useMeetingStyles } from './meeting.styles';
import { MeetingAgenda } from './meeting-agenda';
import { clausesOf, currentEndsAt, isCurrent, startSession } from './review-session-api';
import { isUnavailable, ReviewUnavailable } from './review-unavailable';
import { ShareToStage } from './share-to-stage';
import type { StageSharing } from './stage-sharing';
import { TimeLeft } from './time-left';
import { useEndReview } from './use-end-review';
import { useLiveReview } from './use-live-review';
import { useMeetingTeam } from './use-meeting-team';
import { useReviewAnnouncer } from './use-review-announcer';

export interface SidePanelProps {
  api: CharterApi;
  teamId: string;
  sharing: StageSharing;
  pollMs?: number;
  /** Teams only: opens the sign-in window when Teams cannot hand over the SSO token. */
  signIn?: ((problem: SignInProblem) => Promise<void>) | undefined;
}

export function SidePanel({ api, teamId, sharing, pollMs, signIn }: SidePanelProps) {
  const styles = useMeetingStyles();
  const live = useLiveReview(api, teamId, pollMs);
  const { state, reconnecting, apply } = live;
  const team = useMeetingTeam(api, teamId, live.attempt);
  const session = state.kind === 'session' ? state.session : null;
  const announcement = useReviewAnnouncer(session);
  const ending = useEndReview(api, teamId, apply);
  const [startError, setStartError] = useState<string | null>(null);
  const lead = team?.canEdit === true;
  const open = session?.state === 'open';
  const clause = session ? clausesOf(session).find((c) => isCurrent(session, c)) : undefined;

  const start = () =>
    startSession(api, teamId).then(apply, (e: unknown) =>
      setStartError(meetingStrings.actionFailed(e instanceof Error ? e.message : String(e))),
    );

  let body;
  if (state.kind === 'loading') body = <Spinner size="small" label={appStrings.loading} />;
  else if (isUnavailable(state))
    body = (
      <ReviewUnavailable state={state} signIn={signIn} retry={live.retry} signInFailed={live.signInFailed} />
    );
  else
    body = (
      <>
        {!session ? (
          <Body1 as="p">
            {meetingStrings.noSession}{' '}
            {lead ? meetingStrings.noSessionEditor : meetingStrings.noSessionMember}
          </Body1>
        ) : null}
        {session && open && clause ? (
          <>
            <ul className={styles.list}>
              <ClauseCard clause={clause} current />
            </ul>
            {lead ? <FacilitatorPanel api={api} teamId={teamId} session={session} apply={apply} /> : null}
            <ClauseReactions
              key={`${clause.kind}:${clause.clauseId}`}
              api={api}
              teamId={teamId}
              clause={clause}
              apply={apply}
            />
          </>
        ) : null}
        {session?.state === 'ended' && ending.state.kind !== 'ended' ? (
          <Body1 as="p">{meetingStrings.ended}</Body1>
        ) : null}
        {lead && session ? (
          <EndReview
            state={ending.state}
            open={open}
            members={team?.members ?? []}
            onEnd={(w) => void ending.end(w)}
          />
        ) : null}
        {lead && !open ? (
          <div className={styles.column}>
            <div>
              <Button appearance="primary" onClick={() => void start()}>
                {meetingStrings.start}
              </Button>
            </div>
            {startError ? <Body1 role="alert">{startError}</Body1> : null}
          </div>
        ) : null}
        {team ? <MeetingAgenda api={api} teamId={teamId} /> : null}
      </>
    );

  return (
    <div className={styles.panel} data-testid="review-side-panel">
      <header className={styles.column}>
        <Subtitle1 as="h1" className={styles.heading}>
          {meetingStrings.sidePanelTitle}
        </Subtitle1>
        {session && open ? <TimeLeft endsAt={currentEndsAt(session)} /> : null}
        {reconnecting ? (
          <Caption1 role="status" className={styles.secondary}>
            {meetingStrings.reconnecting}
          </Caption1>
        ) : null}
        {lead ? <ShareToStage sharing={sharing} /> : null}
      </header>
      {body}
      <div aria-live="polite" className="visually-hidden">
        {announcement}
      </div>
    </div>
  );
}
