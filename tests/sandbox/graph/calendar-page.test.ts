/**
 * The sandbox's calendar page reads like a calendar: each booked series with its subject, when it is (in the viewer's
 * zone when `?tz=` asks, else the event's own, and saying which), how it repeats in words, who is invited by name and
 * the Teams join link, with every piece of user text escaped.
 */
import { toGraphSchedule } from '../../../src/domain/cadence/graph-recurrence';
import { recurrenceInWords } from '../../../src/sandbox/graph/recurrence-in-words';
import { type GraphHarness, startGraphHarness } from '../../adapters/graph/graph-harness';

const HOSTILE = '<script>alert("x")</script> & \'Review\'';

let h: GraphHarness;
beforeAll(async () => {
  h = await startGraphHarness();
  await h.calendar.createSeries('adelev@contoso.example', {
    subject: HOSTILE,
    schedule: toGraphSchedule({
      pattern: { kind: 'monthlyOnPosition', interval: 1, index: 'first', dayOfWeek: 'thursday' },
      startTime: '16:00',
      durationMinutes: 60,
      timeZone: 'Europe/Berlin',
      startDate: '2026-12-01',
      endDate: null,
    }),
    attendees: [
      { address: 'AdeleV@contoso.example', name: 'Adele <Vance>' },
      { address: 'MeganB@contoso.example', name: 'Megan Bowen' },
    ],
    bodyHtml: '<p>Agenda</p>',
    transactionId: 'review-1',
  });
  await h.calendar.createSeries('diegos@contoso.example', {
    subject: 'Stand-up',
    schedule: toGraphSchedule({
      pattern: { kind: 'weekly', interval: 1, daysOfWeek: ['thursday', 'monday'] },
      startTime: '09:30',
      durationMinutes: 30,
      timeZone: 'America/New_York',
      startDate: '2026-01-05',
      endDate: null,
    }),
    attendees: [{ address: 'DiegoS@contoso.example', name: 'Diego Siciliani' }],
    bodyHtml: '',
    transactionId: 'standup-1',
  });
});
afterAll(async () => {
  await h.close();
});

const page = async (query = '') => (await fetch(`${h.running.url}/_calendar${query}`)).text();

/** The page's text for one event (its section), tags kept: escaping is part of what is checked. */
const sectionOf = (html: string, heading: string) =>
  html.split('<section').find((part) => part.includes(`<h2>${heading}</h2>`)) ?? '';

it('shows each series’ subject, time, recurrence, attendees and join link in the event’s own zone', async () => {
  const html = await page();
  const review = sectionOf(
    html,
    '&#60;script&#62;alert(&#34;x&#34;)&#60;/script&#62; &#38; &#39;Review&#39;',
  );
  expect(review).toContain('Thu 3 Dec 2026, 16:00–17:00 (UTC+01:00)');
  expect(review).toContain('times in Europe/Berlin (W. Europe Standard Time), the event’s own zone');
  expect(review).toContain('Monthly on the first Thursday, from 3 Dec 2026');
  expect(review).toContain('>Adele &#60;Vance&#62;</li>');
  expect(review).toContain('>Megan Bowen</li>');
  expect(review).toMatch(
    /<a href="https:\/\/teams\.microsoft\.com\/l\/meetup-join\/[^"]+">Join the Teams meeting<\/a>/,
  );

  const standUp = sectionOf(html, 'Stand-up');
  expect(standUp).toContain('Mon 5 Jan 2026, 09:30–10:00 (UTC-05:00)');
  expect(standUp).toContain('times in America/New_York (Eastern Standard Time), the event’s own zone');
  expect(standUp).toContain('Every week on Monday and Thursday, from 5 Jan 2026');
  expect(standUp).toContain('>Diego Siciliani</li>');
});

it('escapes a hostile subject and attendee name everywhere on the page', async () => {
  const html = await page();
  expect(html).not.toContain('<script');
  expect(html).not.toContain('Adele <Vance>');
  expect(html).toContain(
    '<h2>&#60;script&#62;alert(&#34;x&#34;)&#60;/script&#62; &#38; &#39;Review&#39;</h2>',
  );
});

it('shows the times in the zone `?tz=` asks for, and says so', async () => {
  const html = await page('?tz=America%2FNew_York');
  expect(html).toContain('Times are in America/New_York.');
  const review = sectionOf(
    html,
    '&#60;script&#62;alert(&#34;x&#34;)&#60;/script&#62; &#38; &#39;Review&#39;',
  );
  expect(review).toContain('Thu 3 Dec 2026, 10:00–11:00 (UTC-05:00)');
  expect(review).toContain(
    'times in America/New_York; the event is set in Europe/Berlin (W. Europe Standard Time)',
  );
  // A Windows zone name is understood too, as Graph's `Prefer: outlook.timezone` would be.
  const tokyo = sectionOf(await page('?tz=Tokyo%20Standard%20Time'), 'Stand-up');
  expect(tokyo).toContain('Mon 5 Jan 2026, 23:30 (UTC+09:00) – Tue 6 Jan 2026, 00:00 (UTC+09:00)');
});

it('refuses an unknown `?tz=` with an escaped note and keeps each event’s own zone', async () => {
  const html = await page(`?tz=${encodeURIComponent('<b>Mars/Base</b>')}`);
  expect(html).toContain('“&#60;b&#62;Mars/Base&#60;/b&#62;” is not a time zone this page knows');
  expect(html).toContain('value="&#60;b&#62;Mars/Base&#60;/b&#62;"');
  expect(html).not.toContain('<b>Mars');
  expect(sectionOf(html, 'Stand-up')).toContain('Mon 5 Jan 2026, 09:30–10:00 (UTC-05:00)');
});

it.each([
  [
    { type: 'daily', interval: 2 },
    { type: 'numbered', startDate: '2026-01-05', numberOfOccurrences: 10 },
    'Every 2 days, from 5 Jan 2026, 10 times',
  ],
  [
    { type: 'weekly', interval: 2, daysOfWeek: ['friday'] },
    { type: 'endDate', startDate: '2026-01-09', endDate: '2026-06-26' },
    'Every 2 weeks on Friday, from 9 Jan 2026 until 26 Jun 2026',
  ],
  [
    { type: 'absoluteMonthly', interval: 1, dayOfMonth: 22 },
    { type: 'noEnd', startDate: '2026-01-22' },
    'Monthly on the 22nd, from 22 Jan 2026',
  ],
  [
    { type: 'relativeMonthly', interval: 3, daysOfWeek: ['tuesday'], index: 'last' },
    { type: 'noEnd', startDate: '2026-01-27' },
    'Every 3 months on the last Tuesday, from 27 Jan 2026',
  ],
  [
    { type: 'absoluteYearly', interval: 1, dayOfMonth: 11, month: 9 },
    { type: 'noEnd', startDate: '2026-09-11' },
    'Every year on 11 September, from 11 Sep 2026',
  ],
  [
    { type: 'relativeYearly', interval: 1, daysOfWeek: ['monday'], index: 'second', month: 10 },
    { type: 'numbered', startDate: '2026-10-12', numberOfOccurrences: 1 },
    'Every year on the second Monday of October, from 12 Oct 2026, once',
  ],
])('says a recurrence in words: %j %j → %s', (pattern, range, words) => {
  expect(recurrenceInWords({ pattern, range })).toBe(words);
});
