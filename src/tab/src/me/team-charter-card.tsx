/**
 * One of the person's teams on the personal page: the charter at a glance (purpose, the outcomes the team owns, the
 * non-negotiables) in plain CSS for the first paint, and what is new or waiting for them (a chunk that follows the
 * paint). Every value is rendered as text.
 */
import { Suspense, useState } from 'react';

import type { MyCharter } from '../../../contract/api-types';
import { lazyAfterPaint } from '../app/after-paint';
import { usePaintedOnce } from '../app/painted';
import { NonNegotiableList, OutcomesAndBoundaries } from '../charter/charter-clauses';
import { HostLink } from '../host/host-links';
import { charterStrings } from '../strings/charter';
import { myChartersStrings as s } from '../strings/my-charters';
import type { TeamUpdatesProps } from './team-updates';

const TeamUpdates = lazyAfterPaint(() => import('./team-updates').then((m) => m.TeamUpdates));

/**
 * How a team's charter opens: its channel tab through Teams (`teams`), the local tab (`link`), or in place where the
 * host has no channel tabs (Outlook, the Microsoft 365 app).
 */
export type OpenMode = 'teams' | 'link' | 'in-place';

export interface TeamCharterCardProps extends Omit<TeamUpdatesProps, 'team'> {
  team: MyCharter;
  openMode: OpenMode;
  /** The first team on the page with a charter: its purpose is what the load benchmark waits for. */
  first: boolean;
}

function NoCharter({ team }: { team: MyCharter }) {
  const first = team.firstCharter;
  return (
    <p className="tc-body1 tc-flush">
      {s.noCharterYet}{' '}
      {first?.canCreate ? s.youCanCreate : first?.askName ? s.askToCreate(first.askName) : s.askOwner}
    </p>
  );
}

export function TeamCharterCard(props: TeamCharterCardProps) {
  const { team, openMode } = props;
  const painted = usePaintedOnce();
  const [whole, setWhole] = useState(false);
  const charter = team.charter;
  const headingId = `team-${team.teamId}`;
  return (
    <section className="tc-my-team" aria-labelledby={headingId}>
      <div className="tc-my-team-header">
        <h2 className="tc-subtitle1" id={headingId} tabIndex={-1}>
          {team.teamName}
        </h2>
        {charter?.canEdit ? <span className="tc-badge tc-badge-informative">{s.youEdit}</span> : null}
        {openMode === 'in-place' ? (
          charter ? (
            <button
              type="button"
              className="tc-link-button tc-body1"
              aria-expanded={whole}
              onClick={() => setWhole(!whole)}
            >
              {whole ? s.hideWhole : s.showWhole}
            </button>
          ) : null
        ) : (
          <HostLink className="tc-body1" href={team.tabUrl}>
            {openMode === 'teams' ? s.openInTeams : s.openTab}
          </HostLink>
        )}
      </div>
      {charter ? (
        <>
          <p
            className="tc-purpose"
            {...(props.first ? { 'data-testid': 'my-purpose', elementtiming: 'my-purpose' } : {})}
          >
            {charter.content.purpose}
          </p>
          {whole ? (
            <>
              <h3 className="tc-h3">{charterStrings.nonNegotiables}</h3>
              <NonNegotiableList items={charter.content.nonNegotiables} />
              <OutcomesAndBoundaries content={charter.content} />
            </>
          ) : (
            <div className="tc-my-glance">
              <div className="tc-section">
                <h3 className="tc-h3">{charterStrings.outcomes}</h3>
                <ul className="tc-list tc-body1">
                  {charter.content.outcomes.map((o) => (
                    <li key={o.id}>{o.title}</li>
                  ))}
                </ul>
              </div>
              <div className="tc-section">
                <h3 className="tc-h3">{charterStrings.nonNegotiables}</h3>
                <NonNegotiableList items={charter.content.nonNegotiables} />
              </div>
            </div>
          )}
        </>
      ) : (
        <NoCharter team={team} />
      )}
      {painted ? (
        <Suspense fallback={null}>
          <TeamUpdates
            team={team}
            api={props.api}
            viewerZone={props.viewerZone}
            onMarkSeen={props.onMarkSeen}
            onAnswered={props.onAnswered}
          />
        </Suspense>
      ) : null}
    </section>
  );
}
