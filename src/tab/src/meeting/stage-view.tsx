/**
 * The meeting's stage: the whole charter as the review walks it, each clause with its decision so far, +1s and notes,
 * the clause the room is at highlighted and the section's time left, following the facilitator live (use-live-review).
 * Changes are announced politely (use-review-announcer). Before any review: an empty state; after: the outcome, read only.
 */
import { Body1, Caption1, Spinner, Subtitle2, Title2 } from '@fluentui/react-components';

import type { LiveReview } from '../../../contract/api-types';
import type { CharterApi } from '../api/charter-api';
import type { SignInProblem } from '../host/sign-in';
import { appStrings } from '../strings/app';
import { meetingStrings } from '../strings/meeting';
import { ClauseCard } from './clause-card';
import { useMeetingStyles } from './meeting.styles';
import { currentEndsAt, isCurrent } from './review-session-api';
import { isUnavailable, ReviewUnavailable } from './review-unavailable';
import { TimeLeft } from './time-left';
import { useLiveReview } from './use-live-review';
import { useMeetingTeam } from './use-meeting-team';
import { useReviewAnnouncer } from './use-review-announcer';

export interface StageViewProps {
  api: CharterApi;
  teamId: string;
  pollMs?: number;
  /** Teams only: opens the sign-in window when Teams cannot hand over the SSO token. */
  signIn?: ((problem: SignInProblem) => Promise<void>) | undefined;
}

export function StageView({ api, teamId, pollMs, signIn }: StageViewProps) {
  const styles = useMeetingStyles();
  const live = useLiveReview(api, teamId, pollMs);
  const { state, reconnecting } = live;
  const team = useMeetingTeam(api, teamId, live.attempt);
  const session = state.kind === 'session' ? state.session : null;
  const announcement = useReviewAnnouncer(session);
  const title = team?.teamName ? meetingStrings.stageTitle(team.teamName) : meetingStrings.sidePanelTitle;

  let body;
  if (state.kind === 'loading') body = <Spinner label={appStrings.loading} />;
  else if (isUnavailable(state))
    body = (
      <ReviewUnavailable state={state} signIn={signIn} retry={live.retry} signInFailed={live.signInFailed} />
    );
  else if (state.kind === 'none') body = <Body1 as="p">{meetingStrings.noSession}</Body1>;
  else body = <StageSections session={state.session} />;

  return (
    <div className={styles.stage} data-testid="review-stage">
      <header className={styles.row}>
        <Title2 as="h1" className={styles.heading}>
          {isUnavailable(state) ? meetingStrings.sidePanelTitle : title}
        </Title2>
        {session?.state === 'open' ? <TimeLeft endsAt={currentEndsAt(session)} large /> : null}
        {reconnecting ? (
          <Caption1 role="status" className={styles.secondary}>
            {meetingStrings.reconnecting}
          </Caption1>
        ) : null}
      </header>
      {body}
      <div aria-live="polite" className="visually-hidden" data-testid="review-announcer">
        {announcement}
      </div>
    </div>
  );
}

function StageSections({ session }: { session: LiveReview }) {
  const styles = useMeetingStyles();
  return (
    <>
      {session.state === 'ended' ? <Body1 as="p">{meetingStrings.ended}</Body1> : null}
      <div className={styles.sections}>
        {session.sections.map((section) => (
          <section
            key={section.section}
            aria-labelledby={`stage-${section.section}`}
            className={styles.column}
          >
            <Subtitle2 as="h2" id={`stage-${section.section}`} className={styles.heading}>
              {meetingStrings.sections[section.section]}
            </Subtitle2>
            <ul className={styles.list}>
              {section.clauses.map((clause) => (
                <ClauseCard
                  key={`${clause.kind}:${clause.clauseId}`}
                  clause={clause}
                  current={session.state === 'open' && isCurrent(session, clause)}
                />
              ))}
            </ul>
          </section>
        ))}
      </div>
    </>
  );
}
