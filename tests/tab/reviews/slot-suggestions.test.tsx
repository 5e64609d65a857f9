/**
 * @jest-environment jsdom
 */
// "Suggest times" beside the review cadence in the editor, against a fake server answering like the suggestions
// endpoint: each slot with every person's local time and who would be outside their working hours or busy, the best
// three when no time suits everyone, choosing one fills the cadence's weekday and start time and keeps every other
// edit up to the save, the empty state says why, and a refused mailbox is shown as the server words it.
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';

import type { CharterResponse } from '../../../src/contract/api-types';
import type { SlotAvailability, SuggestedSlot } from '../../../src/contract/api-types';
import type { Cadence } from '../../../src/domain/cadence/cadence';
import { CharterEditor } from '../../../src/tab/src/charter/charter-editor';
import SlotSuggestions from '../../../src/tab/src/reviews/slot-suggestions';
import { withSlot } from '../../../src/tab/src/reviews/slot-time';
import { demoCharter, localApi } from '../support/demo-charter';
import { ADELE, demoContent, MEMBERS, TEAM_ID } from '../support/fake-charter-api';
import { jsonResponse } from '../support/json-response';

const REFUSED =
  'The organizer’s mailbox refused access — ask your admin to grant Calendars.ReadWrite to Team Charter for that mailbox.';

/** A slot as the server answers it; `out` names who is not free and why. */
function slot(start: string, out: Record<string, SlotAvailability> = {}): SuggestedSlot {
  const local = MEMBERS.map((m) => ({
    name: m.name,
    timeZone: m.timeZone,
    start: 'server text, not shown',
    availability: out[m.name] ?? ('free' as const),
  }));
  return {
    start,
    end: new Date(Date.parse(start) + 3_600_000).toISOString(),
    conflicts: local.filter((l) => l.availability !== 'free').length,
    local,
  };
}

class FakeServer {
  requests: { method: string; url: string; body: unknown }[] = [];
  suggestions: { status: number; body: unknown } = {
    status: 200,
    body: { slots: [slot('2026-11-30T14:00:00.000Z'), slot('2026-12-01T14:00:00.000Z')] },
  };
  private release: (() => void) | null = null;
  holdSuggestions = false;

  readonly fetch = async (url: string, init?: RequestInit): Promise<Response> => {
    const method = init?.method ?? 'GET';
    const body: unknown = typeof init?.body === 'string' ? JSON.parse(init.body) : undefined;
    this.requests.push({ method, url, body });
    if (method === 'POST' && url === `/api/teams/${TEAM_ID}/reviews/suggestions`) {
      if (this.holdSuggestions) await new Promise<void>((resolve) => (this.release = resolve));
      return jsonResponse(this.suggestions.status, this.suggestions.body);
    }
    if (method === 'PUT' && url === `/api/teams/${TEAM_ID}/charter`)
      return jsonResponse(200, {
        ...demoCharter(),
        version: 3,
        content: (body as { content: unknown }).content,
      });
    return jsonResponse(404, { title: 'Not found', detail: `${method} ${url}` });
  };

  answer(): void {
    this.release?.();
  }
}

function renderEditor(server: FakeServer) {
  const onSaved = jest.fn((_saved: CharterResponse) => undefined);
  render(
    <CharterEditor
      api={localApi(server.fetch)}
      teamId={TEAM_ID}
      charter={demoCharter()}
      members={MEMBERS}
      meId={ADELE}
      viewerZone="America/New_York"
      now={new Date('2026-11-28T08:00:00.000Z')}
      onSaved={onSaved}
      onCancel={() => undefined}
      onDirtyChange={() => undefined}
    />,
  );
  return { onSaved, review: screen.getByRole('region', { name: 'Review cycle' }) };
}

describe('suggesting review times in the editor', () => {
  it('shows each slot with every person’s local time and the viewer’s own', async () => {
    const server = new FakeServer();
    const { review } = renderEditor(server);
    fireEvent.click(await within(review).findByRole('button', { name: 'Suggest times' }));
    const list = await within(review).findByRole('list', { name: 'Suggested review times' });
    const slots = within(list).getAllByRole('listitem', { name: /^Suggested time/ });
    expect(slots).toHaveLength(2);
    expect(slots[1]?.textContent).toMatch(/Tue, Dec 1, 2026, 9:00\sAM \(your time\)/);
    const people = within(slots[1] as HTMLElement)
      .getAllByRole('listitem')
      .map((li) => li.textContent);
    expect(people).toEqual([
      expect.stringMatching(/^Adele Vance: Tue, Dec 1, 3:00\sPM \(Europe\/Berlin\)$/),
      expect.stringMatching(/^Megan Bowen: Tue, Dec 1, 9:00\sAM \(America\/New_York\)$/),
      expect.stringMatching(/^Priya Natarajan: Tue, Dec 1, 7:30\sPM \(Asia\/Kolkata\)$/),
    ]);
    expect(server.requests.find((r) => r.url.endsWith('/reviews/suggestions'))?.body).toEqual({
      durationMinutes: 60,
      organizerId: ADELE,
    });
  });

  it('fills the cadence’s weekday and start time from the chosen slot and keeps every other edit to the save', async () => {
    const server = new FakeServer();
    const { review, onSaved } = renderEditor(server);
    const form = screen.getByRole('form');
    fireEvent.change(within(form).getByRole('textbox', { name: /^Purpose/ }), {
      target: { value: 'We help shops sell online.' },
    });
    const duration = within(review).getByRole('spinbutton', { name: 'Minutes' });
    fireEvent.change(duration, { target: { value: '45' } });

    fireEvent.click(await within(review).findByRole('button', { name: 'Suggest times' }));
    fireEvent.click(
      await within(review).findByRole('button', { name: /^Use Tue, Dec 1, 2026, 9:00\sAM for the review/ }),
    );
    expect(within(review).getByRole('status').textContent).toBe(
      'The review cadence now starts Tuesday at 15:00 (Europe/Berlin). Save the charter to book it.',
    );
    expect((within(review).getByLabelText('Start time') as HTMLInputElement).value).toBe('15:00');
    expect((within(review).getByRole('combobox', { name: 'Weekday' }) as HTMLSelectElement).value).toBe(
      'tuesday',
    );

    fireEvent.submit(form);
    await waitFor(() => expect(onSaved).toHaveBeenCalled());
    const put = server.requests.find((r) => r.method === 'PUT')?.body as {
      content: ReturnType<typeof demoContent>;
    };
    const expected = demoContent();
    expect(put.content.purpose).toBe('We help shops sell online.');
    expect(put.content.review?.cadence).toEqual({
      ...expected.review?.cadence,
      pattern: { kind: 'monthlyOnPosition', interval: 1, index: 'first', dayOfWeek: 'tuesday' },
      startTime: '15:00',
      durationMinutes: 45,
    });
    expect(put.content.checkIns).toEqual(expected.checkIns);
    expect(put.content.review?.organizerId).toBe(ADELE);
  });

  it('says why when no time suits anyone, after a visible loading state', async () => {
    const server = new FakeServer();
    server.suggestions = { status: 200, body: { slots: [] } };
    server.holdSuggestions = true;
    const { review } = renderEditor(server);
    fireEvent.click(await within(review).findByRole('button', { name: 'Suggest times' }));
    expect(await within(review).findByText('Reading everyone’s free/busy time…')).toBeTruthy();
    expect(within(review).getByRole('button', { name: 'Suggest again' }).hasAttribute('disabled')).toBe(true);
    server.answer();
    const empty = await within(review).findByRole('status');
    expect(empty.textContent).toContain('No time suits anyone');
    expect(empty.textContent).toContain(
      'Nobody is free inside their working hours (from Outlook) at any time in the next two weeks',
    );
    expect(within(review).queryByRole('list', { name: 'Suggested review times' })).toBeNull();
    expect(within(review).queryByText('Reading everyone’s free/busy time…')).toBeNull();
  });

  it('shows a refused organizer mailbox and a field problem as the server words them', async () => {
    const server = new FakeServer();
    server.suggestions = {
      status: 502,
      body: { title: 'The organizer’s calendar refused the request', status: 502, detail: REFUSED },
    };
    const { review } = renderEditor(server);
    fireEvent.click(await within(review).findByRole('button', { name: 'Suggest times' }));
    const alert = await within(review).findByRole('alert');
    expect(alert.textContent).toContain('Times could not be suggested');
    expect(alert.textContent).toContain(REFUSED);

    server.suggestions = {
      status: 400,
      body: {
        title: 'Some fields need attention',
        status: 400,
        detail: 'Invalid',
        errors: [{ path: 'organizerId', message: 'The organizer must be a member with a mailbox.' }],
      },
    };
    fireEvent.click(within(review).getByRole('button', { name: 'Suggest again' }));
    await waitFor(() =>
      expect(within(review).getByRole('alert').textContent).toContain(
        'The organizer must be a member with a mailbox.',
      ),
    );
  });
});

describe('suggestions when no time suits everyone (Berlin, New York, Bengaluru)', () => {
  function renderAlone(server: FakeServer) {
    const onChange = jest.fn();
    render(
      <SlotSuggestions
        api={localApi(server.fetch)}
        teamId={TEAM_ID}
        cadence={demoContent().review?.cadence as Cadence}
        organizerId={ADELE}
        viewerZone="America/New_York"
        onChange={onChange}
      />,
    );
    return onChange;
  }

  it('offers the best three, says none suits everyone, and names who would be outside their hours at their local time', async () => {
    const server = new FakeServer();
    server.suggestions = {
      status: 200,
      body: {
        slots: [
          slot('2026-11-30T14:00:00.000Z', { 'Priya Natarajan': 'outside_hours' }),
          slot('2026-12-01T14:00:00.000Z', { 'Priya Natarajan': 'outside_hours', 'Adele Vance': 'busy' }),
          slot('2026-12-02T08:00:00.000Z', { 'Megan Bowen': 'outside_hours' }),
          slot('2026-12-03T08:00:00.000Z', { 'Megan Bowen': 'outside_hours' }),
        ],
      },
    };
    renderAlone(server);
    fireEvent.click(screen.getByRole('button', { name: 'Suggest times' }));
    const list = await screen.findByRole('list', { name: 'Suggested review times' });
    expect(screen.getByRole('note').textContent).toBe(
      'No time in the next two weeks is inside everyone’s working hours, so these are the times that leave the fewest people out.',
    );
    const slots = within(list).getAllByRole('listitem', { name: /^Suggested time/ });
    expect(slots).toHaveLength(3);
    const people = (i: number) =>
      within(slots[i] as HTMLElement)
        .getAllByRole('listitem')
        .map((li) => li.textContent);
    expect(within(slots[0] as HTMLElement).getByTestId('slot-cost').textContent).toBe(
      '1 person would be outside their working hours or busy.',
    );
    expect(people(0)).toEqual([
      expect.stringMatching(/^Adele Vance: Mon, Nov 30, 3:00\sPM \(Europe\/Berlin\)$/),
      expect.stringMatching(/^Megan Bowen: Mon, Nov 30, 9:00\sAM \(America\/New_York\)$/),
      expect.stringMatching(
        /^Priya Natarajan: Mon, Nov 30, 7:30\sPM \(Asia\/Kolkata\)outside working hours$/,
      ),
    ]);
    expect(within(slots[1] as HTMLElement).getByTestId('slot-cost').textContent).toBe(
      '2 people would be outside their working hours or busy.',
    );
    expect(people(1)[0]).toMatch(/^Adele Vance: Tue, Dec 1, 3:00\sPM \(Europe\/Berlin\)busy$/);
    expect(people(2)).toEqual([
      expect.stringMatching(/^Adele Vance: Wed, Dec 2, 9:00\sAM \(Europe\/Berlin\)$/),
      expect.stringMatching(/^Megan Bowen: Wed, Dec 2, 3:00\sAM \(America\/New_York\)outside working hours$/),
      expect.stringMatching(/^Priya Natarajan: Wed, Dec 2, 1:30\sPM \(Asia\/Kolkata\)$/),
    ]);
  });

  it('says a time suits everyone when it does, without the note', async () => {
    const server = new FakeServer();
    renderAlone(server);
    fireEvent.click(screen.getByRole('button', { name: 'Suggest times' }));
    const list = await screen.findByRole('list', { name: 'Suggested review times' });
    expect(
      within(list)
        .getAllByTestId('slot-cost')
        .map((e) => e.textContent),
    ).toEqual([
      'Everyone is free, inside their working hours.',
      'Everyone is free, inside their working hours.',
    ]);
    expect(screen.queryByRole('note')).toBeNull();
  });
});

describe('withSlot', () => {
  const weekly: Cadence = {
    pattern: { kind: 'weekly', interval: 2, daysOfWeek: ['monday', 'friday'] },
    startTime: '10:00',
    durationMinutes: 30,
    timeZone: 'Asia/Kolkata',
    startDate: '2026-12-01',
    endDate: null,
  };

  it('puts a weekly cadence on the slot’s one weekday at its time in the cadence’s zone, nothing else changed', () => {
    // 2026-12-01T18:30Z is Wednesday 00:00 in Kolkata: the cadence's zone decides the day, not UTC.
    expect(withSlot(weekly, new Date('2026-12-01T18:30:00.000Z'))).toEqual({
      ...weekly,
      pattern: { kind: 'weekly', interval: 2, daysOfWeek: ['wednesday'] },
      startTime: '00:00',
    });
  });

  it('moves a monthly-on-date cadence to the slot’s day of month', () => {
    const monthly: Cadence = {
      ...weekly,
      pattern: { kind: 'monthlyOnDate', interval: 1, dayOfMonth: 'last' },
    };
    expect(withSlot(monthly, new Date('2026-12-03T05:00:00.000Z'))).toEqual({
      ...monthly,
      pattern: { kind: 'monthlyOnDate', interval: 1, dayOfMonth: 3 },
      startTime: '10:30',
    });
  });
});
