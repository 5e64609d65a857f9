/**
 * @jest-environment jsdom
 */
// The check-in panel against a fake API answering like the server: the round's state and the trend, nothing below the
// anonymity minimum, and in the local sandbox the real check-in card (rendered by the Adaptive Cards renderer) answered
// through "play a member".
import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';

import { renderCard } from '../../../src/adapters/bot/cards/render-card';
import type { CharterResponse } from '../../../src/contract/api-types';
import type { CheckInRound } from '../../../src/contract/api-types';
import { CheckInsPanel } from '../../../src/tab/src/checkins/checkins-panel';
import { demoCharter, localApi } from '../support/demo-charter';
import { ADELE, demoContent, MEMBERS, TEAM_ID } from '../support/fake-charter-api';
import { jsonResponse } from '../support/json-response';

const ROUND = '4b7f6c1e-3a55-4d0e-9a57-2f1c0b9e6d10';
const OUTCOME = '0f9b1d22-6f0a-4f57-9a3e-5c1e2d3f4a5b';

function round(id: string, opensAt: string, state: 'open' | 'closed', responses: number): CheckInRound {
  const shown = responses >= 3;
  return {
    id,
    state,
    opensAt,
    nudgeAt: opensAt,
    closesAt: '2026-11-30T09:00:00.000Z',
    charterVersion: 1,
    aggregate: {
      asked: 6,
      responses,
      responseRate: responses / 6,
      anonymityMinimum: 3,
      shown,
      outcomes: shown
        ? [{ outcomeId: OUTCOME, title: 'Checkout works', distribution: [0, 0, 1, 2, 0], average: 3.7 }]
        : [],
      boundaries: [],
      supportRequests: 0,
      namedQuotes: [],
    },
  };
}

function card(mode: 'ask' | 'thanks') {
  return renderCard({
    kind: 'checkin',
    view: {
      mode,
      teamName: 'Contoso Product Team',
      tenantId: 't',
      teamId: TEAM_ID,
      roundId: ROUND,
      closesAt: new Date('2026-11-30T09:00:00Z'),
      questions: { outcomes: [{ id: OUTCOME, title: 'Checkout works' }], boundaries: [] },
      inputs: {},
      problems: [],
    },
  });
}

class FakeServer {
  requests: { method: string; url: string; body: unknown }[] = [];
  responses = 1;
  /** When the oldest round listed opened. */
  firstRoundOpensAt = '2026-11-21T09:00:00.000Z';
  sandbox = true;
  failRounds = false;

  readonly fetch = async (url: string, init?: RequestInit): Promise<Response> => {
    const method = init?.method ?? 'GET';
    const body: unknown = typeof init?.body === 'string' ? JSON.parse(init.body) : undefined;
    this.requests.push({ method, url, body });
    const path = url.split('?')[0];
    if (path === `/api/teams/${TEAM_ID}/checkins`)
      return this.failRounds
        ? jsonResponse(503, { title: 'Unavailable', detail: 'Try later.' })
        : jsonResponse(200, {
            rounds: [
              round(ROUND, '2026-11-28T09:00:00.000Z', 'open', this.responses),
              round('5c8e7d2f-4b66-4e1f-8b68-3a2d1c0f7e21', this.firstRoundOpensAt, 'closed', 5),
            ],
          });
    if (!this.sandbox) return jsonResponse(404, { title: 'Not found', detail: `No ${path}` });
    if (url === `/sandbox/connector/play?team=${TEAM_ID}`)
      return jsonResponse(200, {
        members: MEMBERS.slice(0, 2).map((m) => ({ aadObjectId: m.id, name: m.name })),
      });
    if (path === `/sandbox/connector/play/members/${ADELE}/card`)
      return jsonResponse(200, { activityId: '1:7', card: card('ask') });
    if (path === `/sandbox/connector/play/members/${ADELE}/invoke` && method === 'POST') {
      this.responses += 1;
      return jsonResponse(200, {
        status: 200,
        body: { statusCode: 200, type: 'application/vnd.microsoft.card.adaptive', value: card('thanks') },
      });
    }
    return jsonResponse(404, { title: 'Not found', detail: `No ${method} ${path}` });
  };
}

/** The demo charter at version 1, with or without its check-in contract; a member who is not an editor reads it. */
function charterWith(checkIns: boolean): CharterResponse {
  const content = demoContent();
  return demoCharter({
    version: 1,
    updatedAt: '2026-11-20T09:00:00.000Z',
    canEdit: false,
    content: checkIns ? content : { ...content, checkIns: null },
  });
}

function renderPanel(server: FakeServer, checkIns = true) {
  const api = localApi(server.fetch);
  return render(
    <CheckInsPanel
      teamId={TEAM_ID}
      charter={charterWith(checkIns)}
      members={MEMBERS}
      api={api}
      viewerZone="Europe/Berlin"
      now={new Date('2026-12-02T08:00:00.000Z')}
    />,
  );
}

describe('the check-in panel', () => {
  it('shows how many answered the open round, keeps its results back below the minimum, and the trend of closed rounds', async () => {
    const server = new FakeServer();
    server.sandbox = false;
    renderPanel(server);
    const current = await screen.findByTestId('checkins-current');
    expect(current.textContent).toContain('1 of 6 teammates have checked in.');
    expect(current.textContent).toContain('Results appear once at least 3 teammates have answered.');
    const rows = within(screen.getByRole('table', { name: 'Check-in rounds' })).getAllByRole('row');
    expect(rows.map((r) => r.textContent)).toEqual([
      'RoundAnsweredAverage progress per outcome',
      'Nov 28 (open)1/6too few answers to show',
      'Nov 215/63.7',
    ]);
    expect(screen.getByText('Outcomes in order: Checkout works.')).toBeTruthy();
    // Outside the local sandbox there is nobody to play.
    await waitFor(() =>
      expect(server.requests.some((r) => r.url === `/sandbox/connector/play?team=${TEAM_ID}`)).toBe(true),
    );
    // The sandbox's "not found" settles inside act: nothing is left to update the panel after the test.
    await act(async () => {});
    expect(screen.queryByTestId('checkins-play')).toBeNull();
  });

  it('uses the read view’s plain headings and keeps each round’s short date on one line, with its year if not this year’s', async () => {
    const server = new FakeServer();
    server.sandbox = false;
    server.firstRoundOpensAt = '2025-12-26T09:00:00.000Z';
    renderPanel(server);
    await screen.findByTestId('checkins-current');
    expect(screen.getByRole('heading', { level: 2, name: 'Check-in results' }).className).toBe(
      'tc-subtitle1',
    );
    for (const name of ['This round', 'Trend across rounds'])
      expect(screen.getByRole('heading', { level: 3, name }).className).toBe('tc-h3');
    const table = screen.getByRole('table', { name: 'Check-in rounds' });
    const dates = within(table)
      .getAllByRole('row')
      .slice(1)
      .map((row) => within(row).getAllByRole('cell')[0] as HTMLElement);
    expect(dates.map((cell) => cell.textContent)).toEqual(['Nov 28 (open)', 'Dec 26, 2025']);
    for (const cell of dates) expect(getComputedStyle(cell).whiteSpace).toBe('nowrap');
    await act(async () => {});
  });

  it('says check-ins are off and asks for nothing when the charter has none', async () => {
    const server = new FakeServer();
    renderPanel(server, false);
    expect(screen.getByText('Turn on check-ins in the charter to hear how the team is doing.')).toBeTruthy();
    // The sandbox's member list settles inside act: nothing is left to update the panel after the test.
    await act(async () => {});
    expect(server.requests.filter((r) => r.url.includes('/checkins'))).toEqual([]);
  });

  it('says so when the results cannot be loaded, and tries again on request', async () => {
    const server = new FakeServer();
    server.failRounds = true;
    renderPanel(server);
    expect((await screen.findByRole('alert')).textContent).toBe('Check-in results could not be loaded.');
    server.failRounds = false;
    fireEvent.click(screen.getByRole('button', { name: 'Try again' }));
    expect(await screen.findByTestId('checkins-current')).toBeTruthy();
  });

  it('plays a member in the local sandbox: the real card, its inputs sent with the verb, the thank-you card back', async () => {
    const server = new FakeServer();
    renderPanel(server);
    const cardBox = await screen.findByRole('group', { name: 'Adele Vance’s check-in card' });
    await waitFor(() => expect(cardBox.textContent).toContain('Check-in · Contoso Product Team'));
    // The card's only choice set here: progress toward the one outcome.
    const progress = within(cardBox).getByRole('combobox');
    fireEvent.change(progress, { target: { value: '4' } });
    await act(async () => {
      fireEvent.click(within(cardBox).getByRole('button', { name: 'Send check-in' }));
    });

    const invoke = await waitFor(() => {
      const found = server.requests.find((r) => r.method === 'POST');
      if (!found) throw new Error('No invoke yet.');
      return found;
    });
    expect(invoke.url).toBe(`/sandbox/connector/play/members/${ADELE}/invoke`);
    expect(invoke.body).toMatchObject({
      verb: 'checkin.submit',
      replyToId: '1:7',
      data: { roundId: ROUND, teamId: TEAM_ID, tenantId: 't', [`progress_${OUTCOME}`]: '4' },
    });
    expect((await screen.findByRole('status')).textContent).toBe(
      'Sent. The bot answered with the card below.',
    );
    await waitFor(() => expect(cardBox.textContent).toMatch(/Thank you/));
    // The round's state is fetched again after the answer.
    expect((await screen.findByTestId('checkins-current')).textContent).toMatch(/2 of 6/);
  });
});
