/**
 * The charter's clauses as the team reads them, shared by the charter page and a past version opened from History:
 * the non-negotiables, the outcomes with their measures, the boundaries with their decision rights, and the check-in
 * contract's rules. Every value is rendered as text.
 */
import type { ReactNode } from 'react';

import type { CharterContent } from '../../../contract/api-types';
import { charterStrings } from '../strings/charter';

/** How each decision right's badge is coloured (Fluent's tint badge colours, tab.css). */
const RIGHT_TONE = { team_decides: 'success', consult_first: 'informative', escalate: 'warning' } as const;

/** One part of the charter page: a section named by its heading (`id` names the heading). */
export function CharterSection({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <section className="tc-section" aria-labelledby={id}>
      <h2 className="tc-subtitle1" id={id}>
        {title}
      </h2>
      {children}
    </section>
  );
}

export function NonNegotiableList({ items }: { items: CharterContent['nonNegotiables'] }) {
  return (
    <ol className="tc-list tc-body1">
      {items.map((n) => (
        <li key={n.id}>{n.text}</li>
      ))}
    </ol>
  );
}

/** Flexible execution: the outcomes expected, and the boundaries inside which the team decides how. */
export function OutcomesAndBoundaries({ content: c }: { content: CharterContent }) {
  return (
    <>
      <h3 className="tc-h3">{charterStrings.outcomes}</h3>
      <ul className="tc-plain-list">
        {c.outcomes.map((o) => (
          <li key={o.id} className="tc-item">
            <span className="tc-body1 tc-block">{o.title}</span>
            <span className="tc-caption1 tc-secondary">
              {charterStrings.measure}: {o.measure ?? charterStrings.noMeasure}
            </span>
          </li>
        ))}
      </ul>
      <h3 className="tc-h3">{charterStrings.boundaries}</h3>
      {c.boundaries.length === 0 ? (
        <p className="tc-body1 tc-secondary tc-flush">{charterStrings.noBoundaries}</p>
      ) : (
        <ul className="tc-plain-list">
          {c.boundaries.map((b) => (
            <li key={b.id} className="tc-item">
              <span className="tc-body1 tc-block">
                {b.area}{' '}
                <span className={`tc-badge tc-badge-${RIGHT_TONE[b.right]}`}>
                  {charterStrings.decisionRights[b.right]}
                </span>
              </span>
              {b.note ? <span className="tc-caption1 tc-secondary">{b.note}</span> : null}
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

/** The check-in contract's rules: how many answers before results show, quiet hours, who sees names. */
export function CheckInRules({ checkIns }: { checkIns: NonNullable<CharterContent['checkIns']> }) {
  return (
    <>
      <p className="tc-body1 tc-flush">{charterStrings.resultsShownFrom(checkIns.anonymityMinimum)}</p>
      {checkIns.quietHours ? (
        <p className="tc-body1 tc-flush">
          {charterStrings.quietHoursRule(checkIns.quietHours.start, checkIns.quietHours.end)}
        </p>
      ) : null}
      <p className="tc-body1 tc-flush">
        {charterStrings.namedAnswersVisibleTo[checkIns.namedAnswersVisibleTo]}
      </p>
    </>
  );
}
