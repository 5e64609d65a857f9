import { useId, type ReactNode } from 'react';
import type { CharterContent, TeamMember } from '../api/types';
import { describeCadence } from '../charter/cadence-text';
import { formatList } from '../format';
import { strings } from '../strings';

/** How each decision right's badge is coloured, as in the charter view (Fluent's tint badge colours, tab.css). */
const RIGHT_TONE = { team_decides: 'success', consult_first: 'informative', escalate: 'warning' } as const;

/**
 * A past version's whole charter, read-only, in the charter view's markup and styles (tab.css). It shows what the
 * version said; what follows from it today (next dates, the panels) belongs to the current charter only. Every value
 * is rendered as text.
 */
export function VersionContent({
  content: c,
  members,
}: {
  content: CharterContent;
  members: readonly TeamMember[];
}) {
  const id = useId();
  const nameOf = (memberId: string): string => members.find((m) => m.id === memberId)?.name ?? memberId;
  const section = (key: string, title: string, body: ReactNode) => (
    <section className="tc-section" aria-labelledby={`${id}-${key}`}>
      <h2 className="tc-subtitle1" id={`${id}-${key}`}>
        {title}
      </h2>
      {body}
    </section>
  );

  return (
    <div className="tc-charter-main" data-testid="version-content">
      {section('purpose', strings.purpose, <p className="tc-purpose">{c.purpose}</p>)}
      {section(
        'nn',
        strings.nonNegotiables,
        <ol className="tc-list tc-body1">
          {c.nonNegotiables.map((n) => (
            <li key={n.id}>{n.text}</li>
          ))}
        </ol>,
      )}
      {section(
        'flex',
        strings.flexibleExecution,
        <>
          <h3 className="tc-h3">{strings.outcomes}</h3>
          <ul className="tc-plain-list">
            {c.outcomes.map((o) => (
              <li key={o.id} className="tc-item">
                <span className="tc-body1 tc-block">{o.title}</span>
                <span className="tc-caption1 tc-secondary">
                  {strings.measure}: {o.measure ?? strings.noMeasure}
                </span>
              </li>
            ))}
          </ul>
          <h3 className="tc-h3">{strings.boundaries}</h3>
          {c.boundaries.length === 0 ? (
            <p className="tc-body1 tc-secondary tc-flush">{strings.noBoundaries}</p>
          ) : (
            <ul className="tc-plain-list">
              {c.boundaries.map((b) => (
                <li key={b.id} className="tc-item">
                  <span className="tc-body1 tc-block">
                    {b.area}{' '}
                    <span className={`tc-badge tc-badge-${RIGHT_TONE[b.right]}`}>
                      {strings.decisionRights[b.right]}
                    </span>
                  </span>
                  {b.note ? <span className="tc-caption1 tc-secondary">{b.note}</span> : null}
                </li>
              ))}
            </ul>
          )}
        </>,
      )}
      {section(
        'checkins',
        strings.checkIns,
        c.checkIns ? (
          <>
            <p className="tc-body1 tc-flush">{describeCadence(c.checkIns.cadence)}</p>
            <p className="tc-body1 tc-flush">{strings.anonymityMinimum(c.checkIns.anonymityMinimum)}</p>
            {c.checkIns.quietHours ? (
              <p className="tc-body1 tc-flush">
                {strings.quietHours(c.checkIns.quietHours.start, c.checkIns.quietHours.end)}
              </p>
            ) : null}
            <p className="tc-body1 tc-flush">{strings.namedAnswers[c.checkIns.namedAnswersVisibleTo]}</p>
          </>
        ) : (
          <p className="tc-body1 tc-flush tc-secondary">{strings.checkInsOff}</p>
        ),
      )}
      {section(
        'review',
        strings.reviews,
        c.review ? (
          <>
            <p className="tc-body1 tc-flush">{describeCadence(c.review.cadence)}</p>
            <span className="tc-caption1 tc-secondary">
              {strings.organizer(nameOf(c.review.organizerId))}
            </span>
          </>
        ) : (
          <p className="tc-body1 tc-flush tc-secondary">{strings.reviewsOff}</p>
        ),
      )}
      {section('zone', strings.timeZone, <p className="tc-body1 tc-flush">{c.timeZone}</p>)}
      {section(
        'editors',
        strings.editors,
        <p className="tc-body1 tc-flush">{formatList(c.editorIds.map(nameOf))}</p>,
      )}
    </div>
  );
}
