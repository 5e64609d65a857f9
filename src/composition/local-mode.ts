/**
 * Local mode: no credentials, loopback only. The Bot Connector and Graph sandboxes run in this process, at this
 * server's own address; with PGlite their records are kept in files beside its data, so a restart still shows the
 * booked reviews and lets a person answer the cards already sent. The demo teams are seeded on the first start.
 */
import { randomUUID } from 'node:crypto';
import path from 'node:path';

import type { Logger } from 'pino';

import { localAuthenticate } from '../adapters/http/authenticate';
import { localContext, localMyChartersBoot, localTabBoot } from '../adapters/http/local-context';
import { localMeetingPage } from '../adapters/http/local-meeting-page';
import { localMeetingLinks, type LocalMeetingsOptions } from '../adapters/http/local-meetings';
import { metricsAccess } from '../adapters/http/routes/metrics-routes';
import { tabFiles } from '../adapters/http/tab-files';
import type { MyChartersDeps } from '../app/charters/list-my-charters';
import type { CheckInDeps } from '../app/checkins/checkin-deps';
import { seedDemoCheckIns } from '../app/checkins/seed-demo-check-ins';
import { DEMO_MEMBERS, DEMO_TEAM, FRESH_DEMO_MEMBERS, FRESH_DEMO_TEAM } from '../app/teams/demo-teams';
import { seedDemoTeam, seedFreshDemoTeam } from '../app/teams/seed-demo-team';
import type { Config, GraphConfig, LocalMode } from '../config';
import { BotConnectorSandbox } from '../sandbox/bot-connector/bot-connector-sandbox';
import { persistBotConnectorSandbox } from '../sandbox/bot-connector/bot-connector-sandbox-file';
import { GraphSandbox } from '../sandbox/graph/graph-sandbox';
import { persistGraphSandbox } from '../sandbox/graph/graph-sandbox-file';
import { graphSandboxRouter, graphSandboxTokenRouter } from '../sandbox/graph/graph-sandbox-router';
import { sandboxMeetingEvent } from '../sandbox/graph/meeting-event';
import { demoWorkingHours } from '../sandbox/graph/sandbox-store';
import type { ModeWiring, Mount } from './mode-wiring';

const DEMO_TEAMS = [
  [DEMO_TEAM, DEMO_MEMBERS],
  [FRESH_DEMO_TEAM, FRESH_DEMO_MEMBERS],
] as const;

export async function localMode(options: {
  config: Config;
  mode: LocalMode;
  graph: GraphConfig;
  port: number;
  /** How this process reaches its own server (`http://127.0.0.1:<port>`): where the sandboxes answer. */
  selfUrl: string;
  logger: Logger;
}): Promise<ModeWiring> {
  const { config, graph, selfUrl, logger } = options;
  const connectorUrl = `${selfUrl}/sandbox/connector/`;
  const connector = demoConnector(connectorUrl, `${selfUrl}/api/messages`);
  // Review booking goes to the Graph sandbox unless GRAPH_BASE_URL points elsewhere (a test's sandbox or fake).
  const graphSandbox = graph.sandbox ? demoGraph(graph.meetingApp.manifestId) : null;
  const files = config.storage.databaseUrl
    ? []
    : await Promise.all([
        ...(graphSandbox
          ? [persistGraphSandbox(graphSandbox, inDataDir(config, 'graph-sandbox.json'), logger)]
          : []),
        persistBotConnectorSandbox(connector, inDataDir(config, 'bot-connector-sandbox.json'), logger),
      ]);
  const url = `http://localhost:${options.port}`;
  return {
    url,
    startedMessage: `Team Charter is running in local mode at ${url}. Try: curl -H 'X-Local-User: ${DEMO_MEMBERS[0]?.aadObjectId}' ${url}/api/teams/${DEMO_TEAM.teamId}/charter`,
    authenticate: localAuthenticate(options.mode.tenantId),
    bot: null,
    charterLinks: { kind: 'local', tabEndpoint: config.tabEndpoint },
    metricsAccess: metricsAccess(true, config.metricsToken),
    mounts: (reads) => {
      const mounts: Mount[] = [(app) => app.use('/sandbox/connector', connector.router())];
      if (graphSandbox) {
        // Each team's review meeting, run in the browser with the tab's side panel and stage (linked from the calendar).
        const meetings: LocalMeetingsOptions = {
          ...reads,
          event: (eventId) => sandboxMeetingEvent(graphSandbox, eventId),
        };
        mounts.push((app) => {
          app.use(
            '/sandbox/graph',
            graphSandboxRouter(graphSandbox, { meetingPages: () => localMeetingLinks(meetings) }),
          );
          app.use(`/${graph.tenantId}/oauth2`, graphSandboxTokenRouter(graphSandbox));
        }, localMeetingPage(meetings));
      }
      // `/` opens the tab, with the demo teams' members (and the first member's charter) embedded in its page; `/me`
      // the personal page, with the picked member's teams embedded.
      const teams = demoTeamsOf(reads);
      const host = {
        kind: 'local' as const,
        boot: localTabBoot({ ...teams, charters: reads }),
        meBoot: localMyChartersBoot({ ...teams, myCharters: reads }),
      };
      mounts.push(tabFiles({ host }));
      return mounts;
    },
    // The member picker's teams and members.
    apiSiblings: (reads) => [localContext(demoTeamsOf(reads))],
    prepare: (checkIns) => seedDemoTeams(checkIns, connectorUrl, logger),
    flush: async () => {
      for (const file of files) await file.flush();
    },
  };
}

/** The demo teams' Bot Connector, at the serviceUrl their installations hold. */
function demoConnector(serviceUrl: string, botEndpoint: string): BotConnectorSandbox {
  const connector = new BotConnectorSandbox({ serviceUrl, botEndpoint });
  for (const [team, members] of DEMO_TEAMS)
    connector.addTeam({
      tenantId: team.tenantId,
      teamsTeamId: team.teamsTeamId,
      aadGroupId: team.teamId,
      name: team.teamName,
      channelIds: [team.channelConversationId],
      members: members.map((m) => ({
        id: m.teamsUserId ?? '',
        aadObjectId: m.aadObjectId,
        name: m.name,
        email: m.email ?? undefined,
      })),
    });
  return connector;
}

/**
 * The Graph sandbox with the demo mailboxes, which work 09:00–17:00 in their own zones, and Team Charter published in
 * its app catalog (so the app and its tab go into each booked review meeting, as once an admin has published it).
 */
function demoGraph(manifestId: string): GraphSandbox {
  const sandbox = new GraphSandbox();
  sandbox.store.publishApp({ id: randomUUID(), externalId: manifestId, displayName: 'Team Charter' });
  for (const [, members] of DEMO_TEAMS)
    for (const m of members)
      if (m.email && m.timeZone) sandbox.setMailbox(m.email, { workingHours: demoWorkingHours(m.timeZone) });
  return sandbox;
}

function inDataDir(config: Config, file: string): string {
  return path.join(config.storage.dataDir, file);
}

/**
 * The demo teams at this process's Bot Connector sandbox (installed on the first start), and the first team's
 * check-in history with an open round (first start only).
 */
async function seedDemoTeams(deps: CheckInDeps, serviceUrl: string, logger: Logger): Promise<void> {
  if (await seedDemoTeam(deps, { serviceUrl })) logger.info({ teamId: DEMO_TEAM.teamId }, 'demo.team.seeded');
  // A second demo team with no charter yet, for trying (and testing) a first charter.
  if (await seedFreshDemoTeam(deps, { serviceUrl }))
    logger.info({ teamId: FRESH_DEMO_TEAM.teamId }, 'demo.team.seeded');
  await seedDemoCheckIns(deps, { tenantId: DEMO_TEAM.tenantId, teamId: DEMO_TEAM.teamId });
}

/** The demo teams as the local pages and the member picker read them. */
function demoTeamsOf(reads: Pick<MyChartersDeps, 'installs'>) {
  return { installs: reads.installs, tenantId: DEMO_TEAM.tenantId, teams: [DEMO_TEAM, FRESH_DEMO_TEAM] };
}
