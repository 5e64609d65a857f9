/**
 * Local mode only (mounted by composition/local-mode.ts): a team's review meeting run in the browser, as Teams would
 * run it. `GET /sandbox/meetings/:eventId` shows the meeting (the sandbox calendar links each team's review meeting
 * here) with the tab's side panel for one member and its stage for another; `?panel=<member id>&stage=<member id>`
 * picks them (default: the charter's first editor, who can facilitate, and another member).
 */
import type { Express, Request, Response } from 'express';

import {
  badPicksHtml,
  MEETING_SCRIPT_PATH,
  meetingNotFoundHtml,
  meetingPageHtml,
  type MeetingPicks,
  noMembersHtml,
} from './local-meeting-html';
import { MEETING_ROOM_SCRIPT } from './local-meeting-script';
import { findLocalMeeting, type LocalMeeting, type LocalMeetingsOptions } from './local-meetings';

/** The page frames the tab (same origin) and runs its own script file; nothing frames the page. */
const MEETING_PAGE_CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'unsafe-inline'",
  "img-src 'self' data:",
  "frame-src 'self'",
  "form-action 'self'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
].join('; ');

function send(res: Response, status: number, html: string): void {
  res
    .status(status)
    .type('html')
    .set('Cache-Control', 'no-store')
    .set('Content-Security-Policy', MEETING_PAGE_CSP)
    .send(html);
}

/** The two members the query names, else the defaults; or what is wrong with the query. */
function picksFor(meeting: LocalMeeting, query: Request['query']): MeetingPicks | { problem: string } {
  const pick = (name: 'panel' | 'stage', label: string, fallback: string | undefined) => {
    const asked = query[name];
    if (asked === undefined) return meeting.members.find((m) => m.id === fallback);
    if (typeof asked !== 'string') return `Pick one member for the ${label}.`;
    return (
      meeting.members.find((m) => m.id === asked) ??
      `“${asked.slice(0, 100)}” is not a member of ${meeting.team.teamName}: pick the ${label}’s member from the list.`
    );
  };
  const panel = pick('panel', 'side panel', meeting.facilitatorId ?? undefined);
  if (typeof panel === 'string') return { problem: panel };
  const other = meeting.members.find((m) => m.id !== panel?.id) ?? panel;
  const stage = pick('stage', 'stage', other?.id);
  if (typeof stage === 'string') return { problem: stage };
  if (!panel || !stage) return { problem: `${meeting.team.teamName} has no members.` };
  return { panel, stage };
}

export function localMeetingPage(options: LocalMeetingsOptions): (app: Express) => void {
  return (app) => {
    app.get(MEETING_SCRIPT_PATH, (_req, res) => {
      res.set('Cache-Control', 'no-cache').type('application/javascript').send(MEETING_ROOM_SCRIPT);
    });
    app.get('/sandbox/meetings/:eventId', async (req, res) => {
      const eventId = String(req.params.eventId);
      const meeting = await findLocalMeeting(options, eventId);
      if (!meeting) return send(res, 404, meetingNotFoundHtml(eventId));
      if (meeting.members.length === 0) return send(res, 200, noMembersHtml(meeting));
      const picks = picksFor(meeting, req.query);
      if ('problem' in picks) return send(res, 400, badPicksHtml(meeting, picks.problem));
      send(res, 200, meetingPageHtml(meeting, picks));
    });
  };
}
