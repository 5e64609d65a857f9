import { randomUUID } from 'node:crypto';

import type { BotConnectorMessenger } from '../../src/adapters/bot/bot-connector-messenger';
import type { Database } from '../../src/adapters/storage/database';
import { postgresStores } from '../../src/adapters/storage/postgres-stores';
import type { CheckInDeps } from '../../src/app/checkins/checkin-deps';
import type { CheckInRound } from '../../src/app/checkins/checkin-ports';
import { openCheckInRound } from '../../src/app/checkins/open-check-in-round';
import type { Clock } from '../../src/app/common-ports';
import type { Boundary, CharterContent, Outcome } from '../../src/domain/charter/charter';
import type { SandboxTeam } from '../../src/sandbox/bot-connector/bot-connector-sandbox';
import { saveSandboxInstall } from '../../tests/support/bot-harness';
import { saveFirstVersion } from '../../tests/support/charter-deps';
import { checkInContract } from '../../tests/support/charter-fixtures';

/** The check-in use cases' dependencies over real storage and the real Messenger, as the benchmarks use them. */
export function benchCheckInDeps(
  db: Database,
  messenger: BotConnectorMessenger,
  clock: Clock,
  log: CheckInDeps['log'],
): CheckInDeps {
  return {
    ...postgresStores(db),
    messenger,
    directory: messenger,
    clock,
    ids: { next: () => randomUUID() },
    log,
    charterLinks: { kind: 'local', tabEndpoint: 'http://localhost:3978' },
    uninstallGraceMs: 0,
  };
}

/** A charter with `outcomes` and `boundaries`, checking in weekly on Monday 10:00 Berlin, no quiet hours. */
export function benchCharter(outcomes: Outcome[], boundaries: Boundary[] = []): CharterContent {
  return {
    purpose: 'Bench',
    nonNegotiables: [{ id: randomUUID(), text: 'Be kind.' }],
    outcomes,
    boundaries,
    checkIns: checkInContract(),
    review: null,
    timeZone: 'Europe/Berlin',
    editorIds: [],
  };
}

/**
 * Installs the sandbox's `team` (its Connector at `serviceUrl`), gives it `content` as its first charter version and
 * opens the check-in round of `opensAt`: the cards' delivery jobs are queued, none has run.
 */
export async function openBenchRound(
  deps: CheckInDeps,
  team: SandboxTeam,
  serviceUrl: string,
  content: CharterContent,
  opensAt: Date,
): Promise<CheckInRound> {
  const scope = { tenantId: team.tenantId, teamId: team.aadGroupId };
  await saveSandboxInstall(deps.installs, team, serviceUrl, opensAt);
  await saveFirstVersion(deps.charters, scope, content, { id: 'bench', name: 'Bench' }, opensAt);
  const round = await openCheckInRound(deps, scope, opensAt);
  if (!round) throw new Error('The round did not open.');
  return round;
}
