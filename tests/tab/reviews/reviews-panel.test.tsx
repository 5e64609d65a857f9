/**
 * @jest-environment jsdom
 */
// The reviews panel against a fake server answering like the review API: the series in the viewer's zone with the
// team's zone beside it and the join link, the agenda as text (hostile HTML never becomes elements), sync errors with
// the admin step, the sandbox calendar link, and an editor's outcomes → proposal diff → accept.
import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';

import type { CharterResponse, TeamReviews } from '../../../src/contract/api-types';
import { diffCharters } from '../../../src/domain/charter/diff-charters';
import { ReviewsPanel } from '../../../src/tab/src/reviews/reviews-panel';
import { demoCharter, localApi } from '../support/demo-charter';
import { ADELE, demoContent, MEMBERS, TEAM_ID } from '../support/fake-charter-api';
import { jsonResponse } from '../support/json-response';

const JOIN = 'https://teams.microsoft.com/l/meetup-join/19%3ameeting_abc%40thread.v2/0';
const HOSTILE_AGENDA =
  '<div id="team-charter-agenda"><h2>Charter review — Contoso, 2026-12-03</h2><ol><li><b>&lt;img src=x onerror=alert(1)&gt;</b><br>Progress 3.6 of 5</li></ol><img src="x" onerror="window.__pwned=1"><script>window.__pwned=2</script><p>No support requests.</p></div>';

function reviews(overrides: Partial<TeamReviews> = {}): TeamReviews {
  return {
    series: {
      state: 'booked',
      subject: 'Charter review — Contoso Product Team',
      organizer: { id: ADELE, name: 'Adele Vance', mailbox: 'AdeleV@contoso.example' },
      joinUrl: JOIN,
      webLink: null,
      timeZone: 'Europe/Berlin',
      bookedFromVersion: 2,
      syncedAt: '2026-11-20T10:00:05.000Z',
    },
    sync: { status: 'in_step', charterVersion: 2, error: null },
    nextOccurrences: ['2026-12-03T15:00:00.000Z', '2027-01-07T15:00:00.000Z', '2027-02-04T15:00:00.000Z'].map(
      (start) => ({ start, end: start.replace('T15', 'T16'), localDate: start.slice(0, 10), joinUrl: JOIN }),
    ),
    agendaPreview: HOSTILE_AGENDA,
    openProposals: [],
    meetingApp: { status: 'ready', message: null },
    ...overrides,
  };
}

class FakeServer {
  requests: { method: string; url: string; body: unknown }[] = [];
  view = reviews();
  sandbox = true;
  /** GETs of the series answered "pending" before the review worker has booked it; then `view`. */
  pendingAnswers = 0;

  readonly fetch = async (url: string, init?: RequestInit): Promise<Response> => {
    const method = init?.method ?? 'GET';
    const body: unknown = typeof init?.body === 'string' ? JSON.parse(init.body) : undefined;
    this.requests.push({ method, url, body });
    const base = `/api/teams/${TEAM_ID}/reviews`;
    if (url === '/sandbox/graph/_calendar.json')
      return this.sandbox
        ? jsonResponse(200, { events: [] })
        : jsonResponse(404, { title: 'Not found', detail: 'no' });
    if (method === 'GET' && url === base) {
      if (this.pendingAnswers <= 0) return jsonResponse(200, this.view);
      this.pendingAnswers -= 1;
      return jsonResponse(200, { ...this.view, sync: { status: 'pending', charterVersion: 2, error: null } });
    }
    if (method === 'POST' && url === `${base}/sync`) return jsonResponse(202, { queued: true });
    if (method === 'POST' && url === `${base}/outcomes`) {
      const outcomes = (body as { outcomes: { clauseId: string; decision: string; text?: string }[] })
        .outcomes;
      const problems = outcomes.flatMap((o, i) =>
        o.decision === 'revise' && !o.text?.trim()
          ? [{ path: `outcomes.${i}.text`, message: 'Say what the revised clause should read.' }]
          : [],
      );
      if (problems.length)
        return jsonResponse(400, {
          title: 'Some fields need attention',
          detail: 'Invalid',
          errors: problems,
        });
      const before = demoContent();
      const after = JSON.parse(JSON.stringify(before)) as typeof before;
      const decided = (id: string) => outcomes.find((o) => o.clauseId === id);
      for (const clause of after.outcomes)
        if (decided(clause.id)?.decision === 'revise')
          clause.title = decided(clause.id)?.text ?? clause.title;
      after.outcomes = after.outcomes.filter((c) => decided(c.id)?.decision !== 'drop');
      after.boundaries = after.boundaries.filter((c) => decided(c.id)?.decision !== 'drop');
      return jsonResponse(201, {
        proposal: {
          id: 'p1',
          baseVersion: 2,
          summary: 'Review: 1 revised, 1 dropped',
          state: 'open',
          createdBy: { id: ADELE, name: 'Adele Vance' },
          createdAt: '2026-11-25T12:00:00.000Z',
          content: after,
        },
        diff: diffCharters(before, after),
      });
    }
    if (method === 'POST' && url === `${base}/proposals/p1/accept`)
      return jsonResponse(200, { accepted: true, version: 3, charter: { ...demoCharter(), version: 3 } });
    return jsonResponse(404, { title: 'Not found', detail: `no ${method} ${url}` });
  };
}

function renderPanel(
  server: FakeServer,
  canEdit: boolean,
  viewerZone = 'America/New_York',
  onCharterChange?: (charter?: CharterResponse) => void,
) {
  const api = localApi(server.fetch);
  return render(
    <ReviewsPanel
      teamId={TEAM_ID}
      charter={demoCharter({ canEdit: canEdit })}
      members={MEMBERS}
      api={api}
      viewerZone={viewerZone}
      onCharterChange={onCharterChange}
    />,
  );
}

describe('the reviews panel', () => {
  it('shows the series: organizer, next three reviews in the viewer’s zone with the team’s beside them, join links', async () => {
    renderPanel(new FakeServer(), false);
    const list = await screen.findByRole('list', { name: 'Next reviews' });
    const items = within(list).getAllByRole('listitem');
    expect(items).toHaveLength(3);
    // 15:00 UTC = 10:00 in New York (the viewer), 16:00 in Berlin (the team)
    expect(items[0]?.textContent).toMatch(/Thu, Dec 3, 2026, 10:00\sAM \(your time\)/);
    expect(items[0]?.textContent).toMatch(/Thu, Dec 3, 2026, 4:00\sPM · team time \(Europe\/Berlin\)/);
    const join = within(items[0] as HTMLElement).getByRole('link', {
      name: /^Join in Teams: the review on Thu, Dec 3/,
    });
    expect(join.getAttribute('href')).toBe(JOIN);
    expect(join.getAttribute('rel')).toBe('noopener noreferrer');
    expect(screen.getByText('Organized by Adele Vance (AdeleV@contoso.example), in Outlook.')).toBeTruthy();
    expect(screen.getByTestId('reviews-sync').textContent).toBe(
      'The calendar is in step with charter version 2.',
    );
    expect(screen.getByRole('link', { name: /sandbox calendar/ }).getAttribute('href')).toBe(
      '/sandbox/graph/_calendar',
    );
    // a member who is not an editor records nothing
    expect(screen.queryByRole('button', { name: 'Record review outcomes' })).toBeNull();
  });

  it('shows the agenda as text: hostile HTML never becomes elements or runs', async () => {
    renderPanel(new FakeServer(), false);
    const agenda = await screen.findByTestId('reviews-agenda');
    expect(agenda.textContent).toContain('<img src=x onerror=alert(1)>');
    expect(agenda.textContent).toContain('• <img src=x onerror=alert(1)>Progress 3.6 of 5');
    expect(agenda.querySelector('img, script, b, li')).toBeNull();
    expect(document.querySelector('img')).toBeNull();
    expect((window as unknown as { __pwned?: number }).__pwned).toBeUndefined();
  });

  it('says when the organizer’s mailbox refused access, with the admin step, offers to sync again, and hides the sandbox link outside it', async () => {
    const server = new FakeServer();
    server.sandbox = false;
    server.view = reviews({
      sync: {
        status: 'failed',
        charterVersion: 2,
        error: {
          reason: 'access_denied',
          message:
            'The organizer’s mailbox refused access — ask your admin to grant Calendars.ReadWrite to Team Charter.',
        },
      },
    });
    renderPanel(server, false);
    expect((await screen.findByTestId('reviews-error')).textContent).toMatch(
      /ask your admin to grant Calendars\.ReadWrite/,
    );
    expect(screen.getByTestId('reviews-error').getAttribute('role')).toBe('alert');
    fireEvent.click(screen.getByRole('button', { name: 'Sync again' }));
    expect(await screen.findByText('Asked to sync again; this takes a few seconds.')).toBeTruthy();
    expect(server.requests.some((r) => r.method === 'POST' && r.url.endsWith('/reviews/sync'))).toBe(true);
    expect(screen.queryByRole('link', { name: /sandbox calendar/ })).toBeNull();
  });

  it('says the review works without Team Charter in its meeting and what the admin must grant, and offers to sync again', async () => {
    const server = new FakeServer();
    server.view = reviews({
      meetingApp: {
        status: 'not_permitted',
        message:
          'The review works without Team Charter in the meeting: an admin has not granted TeamsTab.ReadWriteSelfForChat.All (admin guide, “The app in the review meeting”). Press Sync again once it is granted.',
      },
    });
    renderPanel(server, false);
    expect((await screen.findByTestId('reviews-meeting-app')).textContent).toMatch(
      /an admin has not granted TeamsTab\.ReadWriteSelfForChat\.All \(admin guide, “The app in the review meeting”\)/,
    );
    // The booked series is still shown: the review itself works.
    expect(screen.getByRole('list', { name: 'Next reviews' })).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Sync again' }));
    await waitFor(() =>
      expect(server.requests.some((r) => r.method === 'POST' && r.url.endsWith('/reviews/sync'))).toBe(true),
    );
  });

  it('says nothing about the meeting when Team Charter is in it', async () => {
    renderPanel(new FakeServer(), false);
    await screen.findByRole('list', { name: 'Next reviews' });
    expect(screen.queryByTestId('reviews-meeting-app')).toBeNull();
    expect(screen.queryByRole('button', { name: 'Sync again' })).toBeNull();
  });

  it('lets an editor record keep / revise / drop, names a missing revision, then shows the diff and accepts it', async () => {
    const server = new FakeServer();
    renderPanel(server, true);
    fireEvent.click(await screen.findByRole('button', { name: 'Record review outcomes' }));
    const content = demoContent();
    const [first] = content.outcomes;
    const [boundary] = content.boundaries;
    const firstGroup = await screen.findByRole('radiogroup', { name: `Decision for “${first?.title}”` });
    fireEvent.click(within(firstGroup).getByRole('radio', { name: 'Revise' }));
    const text = screen.getByRole('textbox', { name: `New text for “${first?.title}”` });
    fireEvent.change(text, { target: { value: '' } });
    const secondGroup = screen.getByRole('radiogroup', { name: `Decision for “${boundary?.area}”` });
    fireEvent.click(within(secondGroup).getByRole('radio', { name: 'Drop' }));
    fireEvent.click(screen.getByRole('button', { name: 'Propose the changes' }));
    expect(await screen.findByText('Say what the revised clause should read.')).toBeTruthy();
    expect(screen.getByText('Some decisions need attention.')).toBeTruthy();

    fireEvent.change(screen.getByRole('textbox', { name: `New text for “${first?.title}”` }), {
      target: { value: 'Shop owners publish in under 5 minutes' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Propose the changes' }));
    expect(
      await screen.findByRole('heading', { name: 'The proposal: Review: 1 revised, 1 dropped' }),
    ).toBeTruthy();
    expect(screen.getByText(/Shop owners publish in under 5 minutes/)).toBeTruthy();
    const sent = server.requests.filter((r) => r.url.endsWith('/outcomes')).at(-1)?.body as {
      baseVersion: number;
      outcomes: { kind: string; clauseId: string; decision: string; text?: string }[];
    };
    expect(sent.baseVersion).toBe(2);
    expect(sent.outcomes).toEqual([
      {
        kind: 'outcome',
        clauseId: first?.id,
        decision: 'revise',
        text: 'Shop owners publish in under 5 minutes',
      },
      ...content.boundaries.map((b, i) => ({
        kind: 'boundary',
        clauseId: b.id,
        decision: i === 0 ? 'drop' : 'keep',
      })),
    ]);

    fireEvent.click(screen.getByRole('button', { name: 'Accept as new version' }));
    expect(await screen.findByText('Accepted: the charter is now at version 3.')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Show the new version' })).toBeTruthy();
    await waitFor(() =>
      expect(server.requests.some((r) => r.url.endsWith('/proposals/p1/accept'))).toBe(true),
    );
  });
});

describe('the reviews panel while the calendar is being updated', () => {
  const gets = (server: FakeServer) =>
    server.requests.filter((r) => r.method === 'GET' && r.url === `/api/teams/${TEAM_ID}/reviews`).length;
  /** Lets the fake clock run, a step at a time, with React's updates and the fake server's answers in between. */
  async function advance(ms: number): Promise<void> {
    await act(async () => {
      await jest.advanceTimersByTimeAsync(ms);
    });
  }

  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  it('asks again every moment while the sync is pending and shows it settled within seconds, then stops asking', async () => {
    const server = new FakeServer();
    server.pendingAnswers = 2; // the first load and one poll find the worker not done yet
    renderPanel(server, false);
    await advance(0);
    expect(screen.getByTestId('reviews-sync').textContent).toBe('Updating the calendar…');
    expect(screen.getByRole('button', { name: 'Sync again' })).toBeTruthy();

    await advance(1_500);
    expect(screen.getByTestId('reviews-sync').textContent).toBe('Updating the calendar…');
    await advance(1_500);
    expect(screen.getByTestId('reviews-sync').textContent).toBe(
      'The calendar is in step with charter version 2.',
    );
    expect(screen.queryByRole('button', { name: 'Sync again' })).toBeNull();
    expect(gets(server)).toBe(3);

    await advance(60_000);
    expect(gets(server)).toBe(3);
  });

  it('stops asking after about half a minute when the sync never settles, and leaves “Sync again”', async () => {
    const server = new FakeServer();
    server.pendingAnswers = Number.POSITIVE_INFINITY;
    renderPanel(server, false);
    for (let i = 0; i < 40; i++) await advance(1_500);
    const asked = gets(server);
    expect(asked).toBeGreaterThanOrEqual(15);
    expect(asked).toBeLessThanOrEqual(22);
    await advance(120_000);
    expect(gets(server)).toBe(asked);
    expect(screen.getByTestId('reviews-sync').textContent).toBe('Updating the calendar…');
    expect(screen.getByRole('button', { name: 'Sync again' })).toBeTruthy();
  });

  it('after Accept tells the page the accepted charter, and names the version the page is given', async () => {
    jest.useRealTimers();
    const server = new FakeServer();
    server.view = reviews({
      openProposals: [
        {
          tenantId: 'tenant',
          teamId: TEAM_ID,
          id: 'p1',
          baseVersion: 2,
          outcomes: [],
          summary: 'Review: 1 revised',
          state: 'open',
          createdBy: { id: ADELE, name: 'Adele Vance' },
          createdAt: '2026-11-25T12:00:00.000Z',
          decidedBy: null,
          decidedAt: null,
          acceptedVersion: null,
          content: demoContent(),
        },
      ],
    });
    const onCharterChange = jest.fn();
    renderPanel(server, true, 'America/New_York', onCharterChange);
    fireEvent.click(await screen.findByRole('button', { name: 'Accept as new version' }));
    expect(await screen.findByText('Accepted: the charter is now at version 3.')).toBeTruthy();
    expect(onCharterChange).toHaveBeenCalledTimes(1);
    expect((onCharterChange.mock.calls[0] as [CharterResponse])[0].version).toBe(3);
  });
});
