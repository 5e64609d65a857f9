// A team installs the app while the Bot Connector is down; the real app (a child process) answers the install at once
// and is SIGKILLed before it could page the roster or post the welcome card. A new process on the same PGlite data
// directory, with the Connector back and no second install event, pages the whole roster and posts exactly one
// welcome card.
import { openDatabase } from '../../src/adapters/storage/open-database';
import { postgresStores } from '../../src/adapters/storage/postgres-stores';
import { sandboxTeam } from '../support/bot-harness';
import { type AppProcess, startAppProcess, waitFor } from '../support/fan-out-fixture';
import { nth } from '../support/nth';
import { pick, printFigures } from './support/fault-scale';
import { usePgliteFaultWorld } from './support/pglite-fault-world';

const MEMBERS = pick(120, 600);

const world = usePgliteFaultWorld();

it(`an install answered during a Connector outage and SIGKILLed before the roster ends with all ${MEMBERS} members and one welcome card`, async () => {
  const dataDir = await world.dataDir('db');
  const connector = world.connector();
  const { sandbox } = connector;
  const team = sandboxTeam(MEMBERS);
  sandbox.addTeam(team);
  const installer = nth(team.members, 0).aadObjectId;
  const teamKey = `thread:${team.teamsTeamId}`;

  let app: AppProcess = await startAppProcess({ dataDir });
  sandbox.botEndpoint = `${app.url}/api/messages`;
  sandbox.down(503);
  const asked = Date.now();
  const answer = await sandbox.install(team.teamsTeamId, installer);
  const answerMs = Date.now() - asked;
  expect(answer.status).toBe(200);
  // The app tried the Connector (roster or welcome) and was refused: nothing of either is stored or sent.
  await waitFor('the app to try the Connector', () => refusedFor(teamKey) > 0, 30_000);
  await app.kill();
  const refusedBeforeKill = refusedFor(teamKey);
  expect(sandbox.activitiesIn(team.teamsTeamId)).toHaveLength(0);

  sandbox.up();
  const restarted = Date.now();
  app = await startAppProcess({ dataDir });
  sandbox.botEndpoint = `${app.url}/api/messages`;
  await waitFor('the welcome card', () => sandbox.activitiesIn(team.teamsTeamId).length > 0, 90_000);
  const welcomeMs = Date.now() - restarted;
  // No second card however long the jobs keep running; then the process stops cleanly (its job passes finish).
  await connector.quiet(3_000);
  await app.stop();
  expect(sandbox.activitiesIn(team.teamsTeamId)).toHaveLength(1);

  const db = await openDatabase({ dataDir });
  try {
    const members = await postgresStores(db).installs.listMembers(team.scope);
    expect(members.map((m) => m.aadObjectId).sort()).toEqual(team.members.map((m) => m.aadObjectId).sort());
  } finally {
    await db.close();
  }
  printFigures('SIGKILL between an install answer and its roster (Connector down, then back), PGlite', {
    members: MEMBERS,
    'install answered (ms)': answerMs,
    'Connector refusals before the kill': refusedBeforeKill,
    'welcome card after restart (ms)': welcomeMs,
    'welcome cards': sandbox.activitiesIn(team.teamsTeamId).length,
  });

  function refusedFor(key: string): number {
    return connector.log.filter((r) => r.status === 503 && r.keys.includes(key)).length;
  }
}, 300_000);
