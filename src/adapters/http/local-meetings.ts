/**
 * Local mode only: which team each booked review meeting belongs to, and who can join it, for the local meeting page
 * (local-meeting-page.ts). A team's review series record holds the id Graph gave the series (`graph_series_id`), so a
 * calendar event is a team's review meeting when some installed team's series has that id. Local mode holds a few
 * teams, so every installed team is looked at; each read is scoped by tenant and team.
 */
import type { CharterStore } from '../../app/charters/charter-ports';
import type { TeamScope } from '../../app/common-ports';
import type { InstallStore } from '../../app/installs/install-ports';
import type { ReviewStore } from '../../app/reviews/review-ports';

/** A booked event as the calendar has it (the composition root reads it from the Graph sandbox). */
export interface LocalMeetingEvent {
  id: string;
  subject: string;
  /** The IANA zone the meeting is set in: the team's zone. */
  timeZone: string;
  /** The occurrence under way, else the next one; null when none is left. */
  occurrence: { start: Date; end: Date } | null;
}

export interface LocalMeetingMember {
  id: string;
  name: string;
  editor: boolean;
}

/** A team's review meeting: the event, the team and its current members (by name; editors marked). */
export interface LocalMeeting {
  event: LocalMeetingEvent;
  team: TeamScope & { teamName: string };
  members: LocalMeetingMember[];
  /** The charter's first editor who is still a member, else the first member; null for a team without members. */
  facilitatorId: string | null;
}

export interface LocalMeetingsOptions {
  installs: Pick<InstallStore, 'listActiveInstallations' | 'getInstallation' | 'listMembers'>;
  charters: Pick<CharterStore, 'getCurrent'>;
  reviews: Pick<ReviewStore, 'getSeries'>;
  /** The booked event with this id, or null when there is none (or it was cancelled). */
  event(eventId: string): LocalMeetingEvent | null;
}

/** Where the meeting page of a calendar event is (mounted by local-meeting-page.ts). */
function localMeetingPath(eventId: string): string {
  return `/sandbox/meetings/${encodeURIComponent(eventId)}`;
}

/** Each team's review series that is booked, by the Graph id of its series. */
async function bookedSeries(
  options: LocalMeetingsOptions,
): Promise<Map<string, TeamScope & { teamName: string }>> {
  const found = new Map<string, TeamScope & { teamName: string }>();
  for (const scope of await options.installs.listActiveInstallations()) {
    const [series, installation] = await Promise.all([
      options.reviews.getSeries(scope),
      options.installs.getInstallation(scope),
    ]);
    if (series?.state === 'booked' && series.graphSeriesId && installation)
      found.set(series.graphSeriesId, { ...scope, teamName: installation.teamName });
  }
  return found;
}

/** The meeting pages the calendar links to: event id → the page's path and the team's name. */
export async function localMeetingLinks(
  options: LocalMeetingsOptions,
): Promise<Map<string, { href: string; teamName: string }>> {
  const links = new Map<string, { href: string; teamName: string }>();
  for (const [eventId, team] of await bookedSeries(options))
    links.set(eventId, { href: localMeetingPath(eventId), teamName: team.teamName });
  return links;
}

/** The team review meeting with this event id, or null when the event is unknown or no team's review meeting. */
export async function findLocalMeeting(
  options: LocalMeetingsOptions,
  eventId: string,
): Promise<LocalMeeting | null> {
  const event = options.event(eventId);
  const team = event ? (await bookedSeries(options)).get(event.id) : undefined;
  if (!event || !team) return null;
  const [members, charter] = await Promise.all([
    options.installs.listMembers(team),
    options.charters.getCurrent(team),
  ]);
  const editorIds = charter?.content.editorIds ?? [];
  const ids = new Set(members.map((m) => m.aadObjectId));
  return {
    event,
    team: { tenantId: team.tenantId, teamId: team.teamId, teamName: team.teamName },
    members: members.map((m) => ({
      id: m.aadObjectId,
      name: m.name,
      editor: editorIds.includes(m.aadObjectId),
    })),
    facilitatorId: editorIds.find((id) => ids.has(id)) ?? members[0]?.aadObjectId ?? null,
  };
}
