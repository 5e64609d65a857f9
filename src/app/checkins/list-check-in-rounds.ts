import type { RoundAggregate } from '../../domain/checkin/aggregate-round';
import type { Caller } from '../caller';
import type { CharterStore } from '../charters/charter-ports';
import type { InstallStore } from '../installs/install-ports';
import { requireTeamMember } from '../teams/require-team-member';
import type { CheckInStore } from './checkin-ports';
import { summarizeCheckInRound } from './summarize-check-in-round';

export interface CheckInRoundSummary {
  id: string;
  state: 'open' | 'closed';
  opensAt: string;
  nudgeAt: string;
  closesAt: string;
  charterVersion: number;
  aggregate: RoundAggregate;
}

/** `GET /api/teams/:teamId/checkins?rounds=N`: the latest rounds, newest first, with their aggregates. */
export async function listCheckInRounds(
  deps: { installs: InstallStore; checkins: CheckInStore; charters: CharterStore },
  caller: Caller,
  teamId: string,
  rounds: number,
): Promise<CheckInRoundSummary[]> {
  const { scope, charterHead } = await requireTeamMember(deps.installs, caller, teamId);
  const charter = charterHead && (await deps.charters.getHead(scope, charterHead));
  const isEditor = charter?.content.editorIds.includes(caller.userId) ?? false;
  const list = await deps.checkins.listRounds(scope, rounds);
  const out: CheckInRoundSummary[] = [];
  for (const round of list)
    out.push({
      id: round.id,
      state: round.state,
      opensAt: round.opensAt.toISOString(),
      nudgeAt: round.nudgeAt.toISOString(),
      closesAt: round.closesAt.toISOString(),
      charterVersion: round.charterVersion,
      aggregate: await summarizeCheckInRound(deps, scope, round, isEditor),
    });
  return out;
}
