/**
 * The parts of the charter page that come just after the purpose and clauses are on screen (see charter-view.tsx): the
 * schedule, which computes occurrences in two zones and formats with Intl, and the check-in and review panels.
 * A chunk of its own, fetched while the first part renders.
 */
import type { CharterResponse, TeamMember } from '../../../contract/api-types';
import type { Cadence } from '../../../domain/cadence/cadence';
import { panels } from '../app/panels';
import type { PanelProps } from '../app/panels.types';
import { charterStrings } from '../strings/charter';
import { describeCadence, safeNextOccurrences } from './cadence-text';
import { CharterSection, CheckInRules } from './charter-clauses';
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
  return (
    <>
      <CharterSection id="sec-checkins" title={charterStrings.checkIns}>
        {c.checkIns ? (
          <>
            <p className="tc-body1 tc-flush">{describeCadence(c.checkIns.cadence)}</p>
            <NextOccurrence
              title={charterStrings.nextRound}
              cadence={c.checkIns.cadence}
              now={now}
              viewerZone={viewerZone}
            />
            <CheckInRules checkIns={c.checkIns} />
          </>
        ) : (
          <p className="tc-body1 tc-flush tc-secondary">{charterStrings.checkInsOff}</p>
        )}
      </CharterSection>

      <CharterSection id="sec-review" title={charterStrings.reviewCycle}>
        {c.review ? (
          <>
            <p className="tc-body1 tc-flush">{describeCadence(c.review.cadence)}</p>
            <span className="tc-caption1 tc-secondary">
              {charterStrings.organizedBy(nameOf(c.review.organizerId))}
            </span>
            <NextOccurrence
              title={charterStrings.nextReview}
              cadence={c.review.cadence}
              now={now}
              viewerZone={viewerZone}
            />
          </>
        ) : (
          <p className="tc-body1 tc-flush tc-secondary">{charterStrings.reviewCycleOff}</p>
        )}
      </CharterSection>

      <CharterSection id="sec-editors" title={charterStrings.editors}>
        <p className="tc-body1 tc-flush">{editors}</p>
      </CharterSection>
    </>
  );
}

/** The next occurrence of `cadence` under its heading, in the viewer's zone and the cadence's own. */
function NextOccurrence(props: { title: string; cadence: Cadence; now: Date; viewerZone: string }) {
  const next = safeNextOccurrences(props.cadence, props.now, 1);
  return (
    <>
      <h3 className="tc-h3">{props.title}</h3>
      {next && next.length > 0 ? (
        <OccurrenceList
          occurrences={next}
          viewerZone={props.viewerZone}
          teamZone={props.cadence.timeZone}
          label={props.title}
        />
      ) : (
        <p className="tc-body1 tc-flush">{charterStrings.noNextOccurrence}</p>
      )}
    </>
  );
}
