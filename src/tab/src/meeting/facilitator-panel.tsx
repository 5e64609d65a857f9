/**
 * The facilitator's controls (the charter's editors): where the room is ("Clause 3 of 9", its section), previous and
 * next (which move everyone's view, PUT …/current), and the decision on the clause (decision-form.tsx). After a
 * decision, focus goes to Next, the control the facilitator needs next.
 */
import { Body1, Button, Caption1, Subtitle2 } from '@fluentui/react-components';
import { useRef, useState } from 'react';

import type { LiveReview } from '../../../contract/api-types';
import type { CharterApi } from '../api/charter-api';
import { meetingStrings } from '../strings/meeting';
import { DecisionForm } from './decision-form';
import { useMeetingStyles } from './meeting.styles';
import { clausesOf, isCurrent, moveTo } from './review-session-api';

export interface FacilitatorPanelProps {
  api: CharterApi;
  teamId: string;
  session: LiveReview;
  apply: (session: LiveReview) => void;
}

export function FacilitatorPanel({ api, teamId, session, apply }: FacilitatorPanelProps) {
  const styles = useMeetingStyles();
  const next = useRef<HTMLButtonElement>(null);
  const [moving, setMoving] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const clauses = clausesOf(session);
  const at = Math.max(
    0,
    clauses.findIndex((c) => isCurrent(session, c)),
  );
  const clause = clauses[at];
  if (!clause) return null;

  const go = async (index: number) => {
    const target = clauses[index];
    if (!target || moving) return;
    setMoving(true);
    setError(null);
    try {
      apply(await moveTo(api, teamId, target));
    } catch (e) {
      setError(meetingStrings.actionFailed(e instanceof Error ? e.message : String(e)));
    } finally {
      setMoving(false);
    }
  };

  return (
    <section className={styles.column} aria-labelledby="review-lead">
      <Subtitle2 as="h2" id="review-lead" className={styles.heading}>
        {meetingStrings.lead}
      </Subtitle2>
      <Caption1>
        {meetingStrings.sections[session.current.section]} · {meetingStrings.position(at + 1, clauses.length)}
      </Caption1>
      <div className={styles.row}>
        <Button disabledFocusable={at === 0 || moving} onClick={() => void go(at - 1)}>
          {meetingStrings.previous}
        </Button>
        <Button
          ref={next}
          disabledFocusable={at === clauses.length - 1 || moving}
          onClick={() => void go(at + 1)}
        >
          {meetingStrings.next}
        </Button>
      </div>
      {error ? <Body1 role="alert">{error}</Body1> : null}
      {clause.kind === 'purpose' ? (
        <Body1 className={styles.secondary}>{meetingStrings.purposeNotDecided}</Body1>
      ) : (
        <DecisionForm
          key={`${clause.kind}:${clause.clauseId}`}
          api={api}
          teamId={teamId}
          clause={clause}
          apply={apply}
          onRecorded={() => next.current?.focus()}
        />
      )}
    </section>
  );
}
