/** The `Calendar` port on Microsoft Graph: the review series on the organizer's mailbox (application permission). */
import { z } from 'zod';

import type {
  BookedCalendarSeries,
  Calendar,
  CalendarOccurrence,
  CalendarSeriesInput,
  FreeBusy,
} from '../../app/reviews/review-ports';
import { WEEKDAYS } from '../../domain/cadence/cadence';
import { ianaZoneForWindowsZone } from '../../domain/cadence/windows-zones';
import { CalendarError } from '../../domain/review/calendar-error';
import { parseGraphAnswer as parse } from './graph-failures';
import type { GraphTransport } from './graph-transport';

const UTC = { Prefer: 'outlook.timezone="UTC"' };

const eventSchema = z.looseObject({
  id: z.string(),
  onlineMeeting: z.looseObject({ joinUrl: z.string().nullish() }).nullish(),
  webLink: z.string().nullish(),
});
const dateTimeUtc = z.looseObject({ dateTime: z.string(), timeZone: z.string() });
const occurrenceSchema = z.looseObject({
  id: z.string(),
  start: dateTimeUtc,
  end: dateTimeUtc,
  body: z.looseObject({ contentType: z.string(), content: z.string() }).nullish(),
  onlineMeeting: z.looseObject({ joinUrl: z.string().nullish() }).nullish(),
});
const instancesSchema = z.looseObject({
  value: z.array(occurrenceSchema),
  '@odata.nextLink': z.string().optional(),
});
const scheduleSchema = z.looseObject({
  value: z.array(
    z.looseObject({
      scheduleId: z.string(),
      scheduleItems: z
        .array(z.looseObject({ status: z.string(), start: dateTimeUtc, end: dateTimeUtc }))
        .optional(),
      workingHours: z
        .looseObject({
          daysOfWeek: z.array(z.enum(WEEKDAYS)),
          startTime: z.string(),
          endTime: z.string(),
          timeZone: z.looseObject({ name: z.string() }).nullish(),
        })
        .nullish(),
      error: z.looseObject({ message: z.string().optional(), responseCode: z.string().optional() }).nullish(),
    }),
  ),
});

export class GraphCalendar implements Calendar {
  constructor(private readonly graph: GraphTransport) {}

  async createSeries(
    mailbox: string,
    series: CalendarSeriesInput & { bodyHtml: string; transactionId: string },
  ): Promise<BookedCalendarSeries> {
    const answer = await this.graph.send({
      method: 'POST',
      url: `${userPath(mailbox)}/events`,
      mailbox,
      body: {
        ...eventFields(series),
        body: { contentType: 'HTML', content: series.bodyHtml },
        isOnlineMeeting: true,
        onlineMeetingProvider: 'teamsForBusiness',
        allowNewTimeProposals: true,
        transactionId: series.transactionId,
      },
    });
    return booked(parse(eventSchema, answer, 'the created event'));
  }

  async updateSeries(
    mailbox: string,
    seriesId: string,
    series: CalendarSeriesInput,
  ): Promise<BookedCalendarSeries> {
    const answer = await this.graph.send({
      method: 'PATCH',
      url: `${userPath(mailbox)}/events/${encodeURIComponent(seriesId)}`,
      mailbox,
      body: eventFields(series),
    });
    return booked(parse(eventSchema, answer, 'the updated event'));
  }

  async cancelSeries(mailbox: string, seriesId: string, comment: string): Promise<void> {
    try {
      await this.graph.send({
        method: 'POST',
        url: `${userPath(mailbox)}/events/${encodeURIComponent(seriesId)}/cancel`,
        mailbox,
        body: { comment },
      });
    } catch (error) {
      // Already gone: the event, or the whole mailbox (deleted, or never reachable) with its calendar.
      if (
        error instanceof CalendarError &&
        (error.failure === 'not_found' || error.failure === 'mailbox_not_found')
      )
        return;
      throw error;
    }
  }

  async listOccurrences(
    mailbox: string,
    seriesId: string,
    from: Date,
    to: Date,
  ): Promise<CalendarOccurrence[]> {
    const query = `startDateTime=${from.toISOString()}&endDateTime=${to.toISOString()}`;
    const answer = await this.graph.send({
      method: 'GET',
      url: `${userPath(mailbox)}/events/${encodeURIComponent(seriesId)}/instances?${query}`,
      mailbox,
      headers: UTC,
    });
    return parse(instancesSchema, answer, 'the series instances').value.map((o) => ({
      id: o.id,
      start: utc(o.start),
      end: utc(o.end),
      bodyHtml: o.body?.content ?? '',
      joinUrl: o.onlineMeeting?.joinUrl ?? null,
    }));
  }

  async rewriteOccurrenceBody(
    mailbox: string,
    occurrenceId: string,
    rewrite: (currentHtml: string) => string,
  ): Promise<void> {
    const url = `${userPath(mailbox)}/events/${encodeURIComponent(occurrenceId)}`;
    // Read first: the body of an online meeting holds its join block, and writing a body without it loses the meeting.
    const current = parse(
      occurrenceSchema,
      await this.graph.send({ method: 'GET', url, mailbox, headers: UTC }),
      'the occurrence',
    );
    const next = rewrite(current.body?.content ?? '');
    await this.graph.send({
      method: 'PATCH',
      url,
      mailbox,
      body: { body: { contentType: 'HTML', content: next } },
    });
  }

  async getFreeBusy(
    mailbox: string,
    addresses: readonly string[],
    from: Date,
    to: Date,
  ): Promise<FreeBusy[]> {
    const answer = await this.graph.send({
      method: 'POST',
      url: `${userPath(mailbox)}/calendar/getSchedule`,
      mailbox,
      headers: UTC,
      body: {
        schedules: addresses,
        startTime: { dateTime: from.toISOString().slice(0, 19), timeZone: 'UTC' },
        endTime: { dateTime: to.toISOString().slice(0, 19), timeZone: 'UTC' },
        availabilityViewInterval: 30,
      },
    });
    return parse(scheduleSchema, answer, 'getSchedule').value.map((s) => {
      const zoneName = s.workingHours?.timeZone?.name;
      const timeZone = zoneName
        ? (ianaZoneForWindowsZone(zoneName) ?? (zoneName === 'UTC' ? 'UTC' : null))
        : null;
      return {
        address: s.scheduleId,
        busy: (s.scheduleItems ?? [])
          .filter((i) => i.status !== 'free')
          .map((i) => ({ start: utc(i.start), end: utc(i.end) })),
        workingHours:
          s.workingHours && timeZone
            ? {
                daysOfWeek: s.workingHours.daysOfWeek,
                startTime: s.workingHours.startTime.slice(0, 5),
                endTime: s.workingHours.endTime.slice(0, 5),
                timeZone,
              }
            : null,
      };
    });
  }
}

function eventFields(series: CalendarSeriesInput) {
  return {
    subject: series.subject,
    start: series.schedule.start,
    end: series.schedule.end,
    recurrence: series.schedule.recurrence,
    attendees: series.attendees.map((a) => ({
      emailAddress: { address: a.address, name: a.name },
      type: 'required',
    })),
  };
}

function booked(event: z.infer<typeof eventSchema>): BookedCalendarSeries {
  return { id: event.id, joinUrl: event.onlineMeeting?.joinUrl ?? null, webLink: event.webLink ?? null };
}

function userPath(mailbox: string): string {
  return `/users/${encodeURIComponent(mailbox)}`;
}

/** A `dateTimeTimeZone` we asked for in UTC. */
function utc(value: { dateTime: string; timeZone: string }): Date {
  if (value.timeZone !== 'UTC')
    throw new CalendarError('rejected', `Graph answered in ${value.timeZone}, not UTC.`);
  return new Date(`${value.dateTime.slice(0, 19)}Z`);
}
