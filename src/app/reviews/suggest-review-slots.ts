import { ValidationError } from '../../domain/errors';
import { type SuggestedSlot, suggestSlots } from '../../domain/review/suggest-slots';
import type { Caller } from '../caller';
import { requireTeamMember } from '../teams/require-team-member';
import type { ReviewDeps } from './review-deps';

const DEFAULT_HOURS = {
  daysOfWeek: ['monday', 'tuesday', 'wednesday', 'thursday', 'friday'] as const,
  startTime: '09:00',
  endTime: '17:00',
};

/**
 * The three least-bad slots in the next two weeks (fewest people outside their working hours or busy, then earliest;
 * one a day), read with getSchedule on the organizer's mailbox (application permission; findMeetingTimes is
 * delegated-only). The organizer is the charter's, or the caller; the days are counted in the organizer's zone.
 */
export async function suggestReviewSlots(
  deps: ReviewDeps,
  caller: Caller,
  teamId: string,
  input: { durationMinutes: number; organizerId?: string | undefined },
): Promise<SuggestedSlot[]> {
  const { scope, member } = await requireTeamMember(deps.installs, caller, teamId);
  const charter = await deps.charters.getCurrent(scope);
  const organizerId = input.organizerId ?? charter?.content.review?.organizerId ?? member.aadObjectId;
  const organizer = await deps.installs.getMember(scope, organizerId);
  if (!organizer?.email)
    throw new ValidationError([
      { path: 'organizerId', message: 'The organizer must be a member with a mailbox.' },
    ]);
  const members = (await deps.installs.listMembers(scope)).filter((m) => m.email);
  const from = deps.clock.now();
  const to = new Date(from.getTime() + 14 * 86_400_000);
  const freeBusy = await deps.calendar.getFreeBusy(
    organizer.email,
    members.map((m) => m.email as string),
    from,
    to,
  );
  const people = members.map((m) => {
    const fb = freeBusy.find((f) => f.address.toLowerCase() === (m.email as string).toLowerCase());
    const zone = fb?.workingHours?.timeZone ?? m.timeZone ?? charter?.content.timeZone ?? 'UTC';
    return {
      name: m.name,
      timeZone: zone,
      workingHours: fb?.workingHours ?? DEFAULT_HOURS,
      busy: fb?.busy ?? [],
    };
  });
  const organizerZone = people[members.findIndex((m) => m.aadObjectId === organizer.aadObjectId)]?.timeZone;
  return suggestSlots(people, { from, to }, input.durationMinutes, { dayZone: organizerZone ?? 'UTC' });
}
