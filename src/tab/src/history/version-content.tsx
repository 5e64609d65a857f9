import { type ReactNode, useId } from 'react';

import type { CharterContent, TeamMember } from '../../../contract/api-types';
import { describeCadence } from '../charter/cadence-text';
import { CheckInRules, NonNegotiableList, OutcomesAndBoundaries } from '../charter/charter-clauses';
import { formatList } from '../format';
import { charterStrings } from '../strings/charter';
import { historyStrings } from '../strings/history';

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
      {section('purpose', charterStrings.purpose, <p className="tc-purpose">{c.purpose}</p>)}
      {section('nn', charterStrings.nonNegotiables, <NonNegotiableList items={c.nonNegotiables} />)}
      {section('flex', charterStrings.flexibleExecution, <OutcomesAndBoundaries content={c} />)}
      {section(
        'checkins',
        charterStrings.checkIns,
        c.checkIns ? (
          <>
            <p className="tc-body1 tc-flush">{describeCadence(c.checkIns.cadence)}</p>
            <CheckInRules checkIns={c.checkIns} />
          </>
        ) : (
          <p className="tc-body1 tc-flush tc-secondary">{charterStrings.checkInsOff}</p>
        ),
      )}
      {section(
        'review',
        charterStrings.reviewCycle,
        c.review ? (
          <>
            <p className="tc-body1 tc-flush">{describeCadence(c.review.cadence)}</p>
            <span className="tc-caption1 tc-secondary">
              {charterStrings.organizedBy(nameOf(c.review.organizerId))}
            </span>
          </>
        ) : (
          <p className="tc-body1 tc-flush tc-secondary">{charterStrings.reviewCycleOff}</p>
        ),
      )}
      {section('zone', historyStrings.timeZone, <p className="tc-body1 tc-flush">{c.timeZone}</p>)}
      {section(
        'editors',
        charterStrings.editors,
        <p className="tc-body1 tc-flush">{formatList(c.editorIds.map(nameOf))}</p>,
      )}
    </div>
  );
}
