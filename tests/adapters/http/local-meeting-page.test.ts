/**
 * Local mode's meeting page: the sandbox calendar links each team's booked review meeting to it, and it shows the
 * meeting with pickers of the team's members and the tab's side panel and stage framed for the two picked. The series
 * are booked by the real use case through the real Graph adapter on the Graph sandbox; every name is escaped.
 */
import express from 'express';
import request from 'supertest';

import { localMeetingPage } from '../../../src/adapters/http/local-meeting-page';
import { localMeetingLinks, type LocalMeetingsOptions } from '../../../src/adapters/http/local-meetings';
import type { TeamScope } from '../../../src/app/common-ports';
import type { MemberInput } from '../../../src/app/installs/install-ports';
import { syncReviewSeries } from '../../../src/app/reviews/sync-review-series';
import { DEMO_MEMBERS, DEMO_TEAM } from '../../../src/app/teams/demo-teams';
import { graphSandboxRouter } from '../../../src/sandbox/graph/graph-sandbox-router';
import { sandboxMeetingEvent } from '../../../src/sandbox/graph/meeting-event';
import { saveFirstVersion } from '../../support/charter-deps';
import { validCharter } from '../../support/charter-fixtures';
import { installTeam } from '../../support/install-team';
import { DEMO_SCOPE, useReviewHarness } from '../../support/review-harness';

const h = useReviewHarness();

const [ADELE, LUKAS, , , PRIYA] = DEMO_MEMBERS.map((m) => m.aadObjectId);
const HOSTILE_TEAM: TeamScope = {
  tenantId: DEMO_TEAM.tenantId,
  teamId: '0d9c8b7a-6f5e-4d3c-8b2a-1f0e9d8c7b6a',
};
const EMPTY_TEAM: TeamScope = {
  tenantId: DEMO_TEAM.tenantId,
  teamId: '1e2d3c4b-5a69-4788-9a0b-c1d2e3f4a5b6',
};
const hostileMember = (id: string, name: string, email: string): MemberInput => ({
  aadObjectId: id,
  teamsUserId: `29:${id}`,
  name,
  email,
  timeZone: 'Europe/Berlin',
});
const ANN = hostileMember('h-ann', '<script>alert("ann")</script> Ann', 'ann@contoso.example');
const BO = hostileMember('h-bo', 'Bo "<b>" O’Neil', 'bo@contoso.example');

let app: express.Express;
const eventIds: Record<'demo' | 'hostile' | 'empty', string> = { demo: '', hostile: '', empty: '' };

/** Books the team's review series (Ann organizes it, Bo is the only editor) and returns the Graph event id. */
async function bookedTeam(scope: TeamScope, name: string, members: readonly MemberInput[]): Promise<string> {
  const { charters, installs } = h.charterDeps;
  await installTeam(installs, scope, name, members);
  const review = validCharter().review;
  if (!review) throw new Error('The fixture charter has a review plan.');
  await saveFirstVersion(
    charters,
    scope,
    validCharter({ review: { ...review, organizerId: ANN.aadObjectId }, editorIds: [BO.aadObjectId] }),
    { id: ANN.aadObjectId, name: ANN.name },
  );
  return seriesId(scope);
}

async function seriesId(scope: TeamScope): Promise<string> {
  const record = await syncReviewSeries(h.deps, scope);
  if (!record?.graphSeriesId) throw new Error(`The review series of ${scope.teamId} was not booked.`);
  return record.graphSeriesId;
}

beforeAll(async () => {
  eventIds.demo = await seriesId(DEMO_SCOPE);
  eventIds.hostile = await bookedTeam(HOSTILE_TEAM, '<script>alert("team")</script> & Co', [ANN, BO]);
  eventIds.empty = await bookedTeam(EMPTY_TEAM, 'Left Team', [ANN, BO]);
  for (const m of [ANN, BO])
    await h.charterDeps.installs.markMemberLeft(EMPTY_TEAM, m.aadObjectId, new Date());

  const sandbox = h.graph.running.sandbox;
  const meetings: LocalMeetingsOptions = {
    installs: h.charterDeps.installs,
    charters: h.charterDeps.charters,
    reviews: h.deps.reviews,
    event: (eventId) => sandboxMeetingEvent(sandbox, eventId),
  };
  app = express();
  app.use('/sandbox/graph', graphSandboxRouter(sandbox, { meetingPages: () => localMeetingLinks(meetings) }));
  localMeetingPage(meetings)(app);
}, 60_000);

const meetingPage = (eventId: string, query = '') =>
  request(app).get(`/sandbox/meetings/${encodeURIComponent(eventId)}${query}`);
const tabUrl = (view: string, teamId: string, member: string | undefined) =>
  `/tab/?view=${view}&#38;team=${teamId}&#38;member=${member ?? ''}`;

it('links each team’s booked review meeting from the sandbox calendar to its meeting page', async () => {
  const res = await request(app).get('/sandbox/graph/_calendar').expect(200);
  expect(res.text).toContain(
    `<a href="/sandbox/meetings/${eventIds.demo}">Run Contoso Product Team’s review in the browser</a>`,
  );
  expect(res.text).toContain(
    `<a href="/sandbox/meetings/${eventIds.hostile}">Run &#60;script&#62;alert(&#34;team&#34;)&#60;/script&#62; &#38; Co’s review in the browser</a>`,
  );
});

it('shows the meeting’s title and time, the team’s members, the first editor on the side panel and another member on the stage', async () => {
  const res = await meetingPage(eventIds.demo).expect(200);
  expect(res.headers['content-security-policy']).toMatch(/script-src 'self';/);
  expect(res.headers['content-security-policy']).toMatch(/frame-ancestors 'none'/);
  expect(res.text).toContain('<h1>Charter review — Contoso Product Team</h1>');

  // The occurrence under way or next, as the calendar has it; the page's script shows it in the viewer's zone.
  const occurrence = sandboxMeetingEvent(h.graph.running.sandbox, eventIds.demo)?.occurrence;
  expect(occurrence).toBeDefined();
  expect(res.text).toContain(`datetime="${occurrence?.start.toISOString()}"`);
  expect(res.text).toContain('data-zone="Europe/Berlin"');

  for (const name of ['Adele Vance (editor)', 'Arjun Mehta', 'Diego Siciliani', 'Priya Natarajan'])
    expect(res.text).toContain(`>${name}</option>`);
  expect(res.text).toContain(`<option value="${ADELE}" selected>Adele Vance (editor)</option>`);
  expect(res.text).toContain(`<label for="panel">Side panel as</label><select id="panel" name="panel">`);
  expect(res.text).toContain(`<label for="stage">Stage as</label><select id="stage" name="stage">`);
  expect(res.text).toContain(`src="${tabUrl('side-panel', DEMO_TEAM.teamId, ADELE)}"`);
  // The stage waits for the side panel to share it.
  expect(res.text).toContain('Nothing is shared to the stage yet');
  expect(res.text).toMatch(/<iframe id="stage-frame" title="Stage, as Arjun Mehta" data-src="[^"]+" hidden>/);
  // The page's script finds the frames by id: each id once.
  const ids = [...res.text.matchAll(/ id="([^"]+)"/g)].map((m) => m[1]);
  expect(ids.length).toBeGreaterThan(5);
  expect(new Set(ids).size).toBe(ids.length);
});

it('frames the side panel and the stage for the two members picked', async () => {
  const res = await meetingPage(eventIds.demo, `?panel=${LUKAS}&stage=${PRIYA}`).expect(200);
  expect(res.text).toContain(
    `<iframe id="side-panel-frame" title="Side panel, as Lukas Becker" src="${tabUrl('side-panel', DEMO_TEAM.teamId, LUKAS)}">`,
  );
  expect(res.text).toContain(`data-src="${tabUrl('stage', DEMO_TEAM.teamId, PRIYA)}"`);
});

it('refuses a pick that is not one member of the team with 400, says why and offers the pickers again', async () => {
  const stranger = await meetingPage(eventIds.demo, `?panel=${ANN.aadObjectId}`).expect(400);
  expect(stranger.text).toContain(
    '“h-ann” is not a member of Contoso Product Team: pick the side panel’s member from the list.',
  );
  expect(stranger.text).toContain('<select id="panel" name="panel">');
  expect(stranger.text).not.toContain('<iframe');
  const twice = await meetingPage(eventIds.demo, `?stage=${LUKAS}&stage=${PRIYA}`).expect(400);
  expect(twice.text).toContain('Pick one member for the stage.');
});

it('escapes every team, member and meeting name', async () => {
  const res = await meetingPage(eventIds.hostile).expect(200);
  expect(res.text).not.toMatch(/<script>alert|<b>/);
  expect(res.text).toContain('&#60;script&#62;alert(&#34;team&#34;)&#60;/script&#62; &#38; Co');
  expect(res.text).toContain('>&#60;script&#62;alert(&#34;ann&#34;)&#60;/script&#62; Ann</option>');
  // Bo is the charter's only editor, so Bo facilitates from the side panel; Ann gets the stage.
  expect(res.text).toContain(
    '<option value="h-bo" selected>Bo &#34;&#60;b&#62;&#34; O’Neil (editor)</option>',
  );
  expect(res.text).toContain('title="Stage, as &#60;script&#62;alert(&#34;ann&#34;)&#60;/script&#62; Ann"');
  const refused = await meetingPage(eventIds.hostile, `?stage=${encodeURIComponent('<img src=x>')}`).expect(
    400,
  );
  expect(refused.text).toContain('“&#60;img src=x&#62;” is not a member of &#60;script&#62;');
  expect(refused.text).not.toContain('<img');
});

it('says a team without members cannot join its meeting', async () => {
  const res = await meetingPage(eventIds.empty).expect(200);
  expect(res.text).toContain('Left Team has no members in Team Charter, so nobody can join this meeting.');
  expect(res.text).not.toMatch(/<iframe|<select/);
});

it('answers an unknown event with a 404 page that says so, escaped', async () => {
  const res = await meetingPage('<script>nope</script>').expect(404);
  expect(res.headers['content-type']).toMatch(/^text\/html/);
  expect(res.text).toContain('<h1>No such review meeting</h1>');
  expect(res.text).toContain('<code>&#60;script&#62;nope&#60;/script&#62;</code>');
  expect(res.text).toContain('<a href="/sandbox/graph/_calendar">Open the calendar</a>');
});

it('serves the page’s script as a file of its own, which only acts on the side panel’s share message', async () => {
  const res = await request(app).get('/sandbox/meetings/_/meeting-room.js').expect(200);
  expect(res.headers['content-type']).toMatch(/^application\/javascript/);
  expect(res.text).toContain("'team-charter.share-to-stage'".replace(/'/g, '"'));
  expect(res.text).toContain(
    'event.origin !== window.location.origin || event.source !== panel.contentWindow',
  );
});
