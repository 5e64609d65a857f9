/**
 * The parts of the charter page that come just after the purpose and clauses are on screen (see charter-view.tsx): the
 * schedule, which computes occurrences in two zones and formats with Intl, and the check-in and review panels.
 * A chunk of its own, fetched while the first part renders.
 */
import type { CharterResponse, TeamMember } from '../../../contract/api-types';
import { panels } from '../app/panels';
import type { PanelProps } from '../app/panels.types';
import { charterStrings } from '../strings/charter';
import { describeCadence, safeNextOccurrences } from './cadence-text';
import { CheckInRules } from './charter-clauses';
import { OccurrenceList } from './occurrence-list';

/** The check-in and review panels, beside the charter. */
export function CharterPanels(props: PanelProps) {
  const CheckIns = panels.checkIns;
  const Reviews = panels.reviews;
  return (
    <aside className="tc-aside">
      <CheckIns {...props} />
      <Reviews {...props} />
    </aside>
  );
}

/** The check-in contract, the review cadence and the editors. */
export function CharterSchedule({
  charter,
  members,
  viewerZone,
  now,
  editors,
}: {
  charter: CharterResponse;
  members: readonly TeamMember[];
  viewerZone: string;
  now: Date;
  editors: string;
}) {
  const c = charter.content;
  const nameOf = (id: string): string => members.find((m) => m.id === id)?.name ?? id;
  const nextRound = c.checkIns ? safeNextOccurrences(c.checkIns.cadence, now, 1) : null;
  const nextReview = c.review ? safeNextOccurrences(c.review.cadence, now, 1) : null;
  return (
    <>
      <section className="tc-section" aria-labelledby="sec-checkins">
        <h2 className="tc-subtitle1" id="sec-checkins">
          {charterStrings.checkIns}
        </h2>
        {c.checkIns ? (
          <>
            <p className="tc-body1 tc-flush">{describeCadence(c.checkIns.cadence)}</p>
            <h3 className="tc-h3">{charterStrings.nextRound}</h3>
            {nextRound && nextRound.length > 0 ? (
              <OccurrenceList
                occurrences={nextRound}
                viewerZone={viewerZone}
                teamZone={c.checkIns.cadence.timeZone}
                label={charterStrings.nextRound}
              />
            ) : (
              <p className="tc-body1 tc-flush">{charterStrings.noNextOccurrence}</p>
            )}
            <CheckInRules checkIns={c.checkIns} />
          </>
        ) : (
          <p className="tc-body1 tc-flush tc-secondary">{charterStrings.checkInsOff}</p>
        )}
      </section>

      <section className="tc-section" aria-labelledby="sec-review">
        <h2 className="tc-subtitle1" id="sec-review">
          {charterStrings.reviewCycle}
        </h2>
        {c.review ? (
          <>
            <p className="tc-body1 tc-flush">{describeCadence(c.review.cadence)}</p>
            <span className="tc-caption1 tc-secondary">
              {charterStrings.organizedBy(nameOf(c.review.organizerId))}
            </span>
            <h3 className="tc-h3">{charterStrings.nextReview}</h3>
            {nextReview && nextReview.length > 0 ? (
              <OccurrenceList
                occurrences={nextReview}
                viewerZone={viewerZone}
                teamZone={c.review.cadence.timeZone}
                label={charterStrings.nextReview}
              />
            ) : (
              <p className="tc-body1 tc-flush">{charterStrings.noNextOccurrence}</p>
            )}
          </>
        ) : (
          <p className="tc-body1 tc-flush tc-secondary">{charterStrings.reviewCycleOff}</p>
        )}
      </section>

      <section className="tc-section" aria-labelledby="sec-editors">
        <h2 className="tc-subtitle1" id="sec-editors">
          {charterStrings.editors}
        </h2>
        <p className="tc-body1 tc-flush">{editors}</p>
      </section>
    </>
  );
}
