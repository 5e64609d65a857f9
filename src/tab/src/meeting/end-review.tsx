import { Body1, Button, Subtitle2 } from '@fluentui/react-components';
import { useEffect, useRef, useState } from 'react';

import type { TeamMember } from '../../../contract/api-types';
import { ConfirmBar } from '../app/confirm-bar';
import { DiffView } from '../history/diff-view';
import { meetingStrings } from '../strings/meeting';
import { useMeetingStyles } from './meeting.styles';
import type { EndState } from './use-end-review';

export interface EndReviewProps {
  state: EndState;
  /** The review is still open: the End button shows. */
  open: boolean;
  members: readonly TeamMember[];
  onEnd: (withoutProposal?: boolean) => void;
}

/**
 * The end of the review for its facilitator: the End button, what a refused end needs (end without a proposal after
 * the charter moved on, end again after a race), and the proposal it became with its diff, to accept in the channel tab.
 * The first End asks once: it ends the review for everyone in the meeting, and an ended review does not reopen.
 */
export function EndReview({ state, open, members, onEnd }: EndReviewProps) {
  const styles = useMeetingStyles();
  const outcome = useRef<HTMLHeadingElement>(null);
  const endButton = useRef<HTMLButtonElement>(null);
  const [confirming, setConfirming] = useState(false);
  const ended = state.kind === 'ended';
  useEffect(() => {
    if (ended) outcome.current?.focus(); // the outcome is what the facilitator reads next
  }, [ended]);

  if (state.kind === 'ended') {
    const { proposal, diff } = state.result;
    return (
      <section className={styles.column} aria-labelledby="review-outcome">
        <h2 id="review-outcome" tabIndex={-1} ref={outcome} className={styles.heading}>
          <Subtitle2>{meetingStrings.ended}</Subtitle2>
        </h2>
        <Body1 as="p" role="status">
          {proposal
            ? meetingStrings.proposalReady(proposal.summary)
            : state.withoutProposal
              ? meetingStrings.notProposed
              : meetingStrings.noProposal}
        </Body1>
        {diff ? <DiffView diff={diff} members={members} /> : null}
      </section>
    );
  }
  if (!open) return null;
  const busy = state.kind === 'busy';
  return (
    <div className={styles.column}>
      {state.kind === 'moved-on' ? (
        <Body1 as="p" role="alert">
          {meetingStrings.movedOn(state.currentVersion)}
        </Body1>
      ) : state.kind === 'raced' ? (
        <Body1 as="p" role="alert">
          {meetingStrings.endRaced}
        </Body1>
      ) : state.kind === 'failed' ? (
        <Body1 as="p" role="alert">
          {state.message}
        </Body1>
      ) : null}
      <div className={styles.row}>
        {state.kind === 'moved-on' ? (
          <Button appearance="primary" disabled={busy} onClick={() => onEnd(true)}>
            {meetingStrings.endWithoutProposal}
          </Button>
        ) : confirming ? (
          <ConfirmBar
            title={meetingStrings.confirmEndTitle}
            body={meetingStrings.confirmEndBody}
            safe={{
              label: meetingStrings.keepReviewing,
              onClick: () => {
                setConfirming(false);
                requestAnimationFrame(() => endButton.current?.focus());
              },
            }}
            risky={{
              label: meetingStrings.endForEveryone,
              onClick: () => {
                setConfirming(false);
                onEnd();
              },
            }}
          />
        ) : (
          <Button
            ref={endButton}
            disabled={busy}
            onClick={() => (state.kind === 'raced' ? onEnd() : setConfirming(true))}
          >
            {busy
              ? meetingStrings.ending
              : state.kind === 'raced'
                ? meetingStrings.endAgain
                : meetingStrings.end}
          </Button>
        )}
      </div>
    </div>
  );
}
