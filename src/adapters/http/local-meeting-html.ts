/**
 * The local meeting page's HTML (local-meeting-page.ts serves it): the meeting's title and time, two member pickers,
 * and the tab's two meeting views framed side by side, the side panel for one member and the stage for the other.
 * Every value is escaped: team, member and meeting names are user text. The page's one script is a file of its own
 * (local-meeting-script.ts), so its CSP allows no inline script.
 */
import { DateTime } from 'luxon';

import { escapeHtml as e } from '../../domain/escape-html';
import type { LocalMeeting, LocalMeetingMember } from './local-meetings';

export const MEETING_SCRIPT_PATH = '/sandbox/meetings/_/meeting-room.js';
const CALENDAR_PATH = '/sandbox/graph/_calendar';

/** The two members in the meeting: who sees the side panel, who sees the stage. */
export interface MeetingPicks {
  panel: LocalMeetingMember;
  stage: LocalMeetingMember;
}

/** The tab's meeting views in local mode; `member` is the local user of that frame (sent as X-Local-User). */
function meetingViewUrl(view: 'side-panel' | 'stage', teamId: string, memberId: string): string {
  const query = new URLSearchParams({ view, team: teamId, member: memberId });
  return `/tab/?${query.toString()}`;
}

const STYLE = `
:root{color-scheme:light dark;font:14px/1.4 'Segoe UI',system-ui,sans-serif}
[hidden]{display:none!important}
body{margin:0;display:flex;flex-direction:column;height:100vh}
main{flex:1;display:flex;flex-direction:column;min-height:0}
header{padding:.75rem 1rem;border-bottom:1px solid GrayText}
h1{font-size:1.25rem;margin:0 0 .25rem}h2{font-size:1rem;margin:0 0 .5rem}
header p,form p{margin:.25rem 0}
form{display:flex;flex-wrap:wrap;gap:.5rem 1.5rem;align-items:end;padding:.5rem 1rem;border-bottom:1px solid GrayText}
form h2{flex-basis:100%;margin:0}
label{display:block;font-weight:600}select,button{font:inherit;padding:.25rem .5rem}
.notice{padding:.5rem 1rem;margin:.5rem 1rem;border:2px solid;border-radius:4px}
.room{flex:1;display:flex;min-height:32rem}
.room section{display:flex;flex-direction:column;padding:.5rem;min-height:0}
.side-panel{flex:0 0 auto;border-right:1px solid GrayText}
.side-panel iframe{width:320px}
.stage{flex:1;min-width:0}
iframe{flex:1;box-sizing:border-box;border:1px solid GrayText;min-height:0}
.placeholder{flex:1;display:flex;align-items:center;justify-content:center;border:1px dashed GrayText;margin:0;padding:1rem;text-align:center}
a:focus-visible,select:focus-visible,button:focus-visible{outline:2px solid Highlight;outline-offset:2px}`;

function layout(title: string, body: string, script = false): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${e(title)}</title><link rel="icon" href="data:,"><style>${STYLE}</style>${script ? `<script src="${MEETING_SCRIPT_PATH}" defer></script>` : ''}</head>
<body>${body}</body></html>`;
}

/** `Thu 3 Dec 2026, 16:00–17:00` in `zone` (the end with its own date when it is on another day). */
function whenIn(start: Date, end: Date, zone: string): string {
  const from = DateTime.fromJSDate(start, { zone });
  const to = DateTime.fromJSDate(end, { zone });
  const sameDay = from.toISODate() === to.toISODate();
  return `${from.toFormat('ccc d LLL yyyy, HH:mm')}–${to.toFormat(sameDay ? 'HH:mm' : 'ccc d LLL yyyy, HH:mm')}`;
}

/**
 * The meeting's time: written here in the team's zone, and rewritten by the page's script in the viewer's own zone
 * (which only the browser knows), with the team's beside it.
 */
function whenHtml(meeting: LocalMeeting): string {
  const { occurrence, timeZone } = meeting.event;
  if (!occurrence) return '<p>No occurrence of this meeting is left in the calendar.</p>';
  return `<p>When: <time id="meeting-time" datetime="${e(occurrence.start.toISOString())}" data-end="${e(occurrence.end.toISOString())}" data-zone="${e(timeZone)}">${e(whenIn(occurrence.start, occurrence.end, timeZone))} (${e(timeZone)}, the team’s zone)</time></p>`;
}

function header(meeting: LocalMeeting): string {
  return `<header><h1>${e(meeting.event.subject || '(no subject)')}</h1>
<p>${e(meeting.team.teamName)} · a review meeting in the local sandbox · <a href="${CALENDAR_PATH}">Back to the calendar</a></p>
${whenHtml(meeting)}</header>`;
}

function picker(
  name: 'panel' | 'stage',
  label: string,
  meeting: LocalMeeting,
  picked: string | null,
): string {
  const options = meeting.members.map(
    (m) =>
      `<option value="${e(m.id)}"${m.id === picked ? ' selected' : ''}>${e(m.name)}${m.editor ? ' (editor)' : ''}</option>`,
  );
  return `<p><label for="${name}">${label}</label><select id="${name}" name="${name}">${options.join('')}</select></p>`;
}

function pickersForm(meeting: LocalMeeting, panel: string | null, stage: string | null): string {
  return `<form method="get" aria-labelledby="who"><h2 id="who">Who joins</h2>
${picker('panel', 'Side panel as', meeting, panel)}
${picker('stage', 'Stage as', meeting, stage)}
<p><button type="submit">Open the meeting</button></p></form>`;
}

/** The meeting with the two frames: the side panel at once, the stage once the side panel shares it. */
export function meetingPageHtml(meeting: LocalMeeting, picks: MeetingPicks): string {
  const { teamId } = meeting.team;
  const stageUrl = meetingViewUrl('stage', teamId, picks.stage.id);
  const body = `${header(meeting)}<main>
${pickersForm(meeting, picks.panel.id, picks.stage.id)}
<div class="room">
<section class="side-panel" aria-labelledby="panel-heading"><h2 id="panel-heading">Side panel · ${e(picks.panel.name)}</h2>
<iframe id="side-panel-frame" title="Side panel, as ${e(picks.panel.name)}" src="${e(meetingViewUrl('side-panel', teamId, picks.panel.id))}"></iframe></section>
<section class="stage" aria-labelledby="stage-heading"><h2 id="stage-heading">Stage · ${e(picks.stage.name)}</h2>
<p id="stage-placeholder" class="placeholder">Nothing is shared to the stage yet. Press “Share to stage” in the side panel.</p>
<noscript><p>Sharing to the stage needs JavaScript. <a href="${e(stageUrl)}">Open the stage by itself</a>.</p></noscript>
<iframe id="stage-frame" title="Stage, as ${e(picks.stage.name)}" data-src="${e(stageUrl)}" hidden></iframe>
<p id="stage-status" role="status"></p></section>
</div></main>`;
  return layout(`${meeting.event.subject} · local meeting`, body, true);
}

/** The pickers again, with what was wrong with the choice (400). */
export function badPicksHtml(meeting: LocalMeeting, problem: string): string {
  const body = `${header(meeting)}<main>
<p class="notice" role="alert">${e(problem)}</p>
${pickersForm(meeting, meeting.facilitatorId, null)}</main>`;
  return layout(`${meeting.event.subject} · local meeting`, body);
}

/** A team review meeting whose team has no current member: nobody can join it. */
export function noMembersHtml(meeting: LocalMeeting): string {
  const body = `${header(meeting)}<main>
<p class="notice">${e(meeting.team.teamName)} has no members in Team Charter, so nobody can join this meeting. Members come from the team’s roster when the app is installed; add someone to the team and open this page again.</p></main>`;
  return layout(`${meeting.event.subject} · local meeting`, body);
}

/** No booked team review meeting has this event id (404). */
export function meetingNotFoundHtml(eventId: string): string {
  const body = `<main><h1>No such review meeting</h1>
<p class="notice">The calendar has no booked team review meeting with the id <code>${e(eventId)}</code>. It may have been cancelled or booked again under a new id.</p>
<p><a href="${CALENDAR_PATH}">Open the calendar</a> and pick a meeting there.</p></main>`;
  return layout('No such review meeting', body);
}
