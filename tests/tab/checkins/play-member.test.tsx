/**
 * @jest-environment jsdom
 */
// "Play a member" draws the bot's real check-in card as Teams would show it to that member: on the theme on screen
// (the host config from Fluent's theme), with its deadline in the member's own time zone, and with the card's Markdown
// processed the way Teams does (bold, lists, links; the server's backslash escapes shown as the characters typed).
import {
  FluentProvider,
  teamsDarkTheme,
  teamsHighContrastTheme,
  type Theme,
} from '@fluentui/react-components';
import { render, screen, waitFor, within } from '@testing-library/react';

import { escapeCardText } from '../../../src/adapters/bot/cards/escape-card-text';
import { renderCard } from '../../../src/adapters/bot/cards/render-card';
import { CharterApi } from '../../../src/tab/src/api/charter-api';
import PlayMember from '../../../src/tab/src/checkins/play-member';
import { MEGAN, TEAM_ID } from '../support/fake-charter-api';

const NEW_YORK = 'America/New_York';
/** 02:00 UTC on the 30th is the evening of the 29th in New York: date and time both differ from UTC's. */
const CLOSES_AT = new Date('2026-11-30T02:00:00Z');

function checkInCard(problems: { path: string; message: string }[] = []) {
  return renderCard({
    kind: 'checkin',
    view: {
      mode: 'ask',
      teamName: 'Contoso Product Team',
      tenantId: 't',
      teamId: TEAM_ID,
      roundId: '4b7f6c1e-3a55-4d0e-9a57-2f1c0b9e6d10',
      closesAt: CLOSES_AT,
      questions: { outcomes: [{ id: 'o1', title: 'Checkout works' }], boundaries: [] },
      inputs: {},
      problems,
    },
  });
}

/** The sandbox's "latest card" for one member, as the server answers it (jsdom has no Response). */
function playing(card: Record<string, unknown>) {
  const fetch = (): Promise<Response> =>
    Promise.resolve({
      ok: true,
      status: 200,
      statusText: 'OK',
      headers: { get: () => 'application/json' },
      json: () => Promise.resolve({ activityId: '1:7', card }),
    } as unknown as Response);
  return new CharterApi(() => Promise.resolve({}), fetch);
}

async function renderPlaying(card: Record<string, unknown>, theme?: Theme) {
  const player = (
    <PlayMember
      api={playing(card)}
      members={[{ aadObjectId: MEGAN, name: 'Megan Bowen' }]}
      zoneOf={(id) => (id === MEGAN ? NEW_YORK : 'UTC')}
      onAnswered={() => undefined}
    />
  );
  render(theme ? <FluentProvider theme={theme}>{player}</FluentProvider> : player);
  const box = await screen.findByRole('group', { name: 'Megan Bowen’s check-in card' });
  await waitFor(() => expect(box.querySelector('.ac-adaptiveCard')).not.toBeNull());
  return box;
}

/** A colour as the DOM writes it back (`#292929` → `rgb(41, 41, 41)`). */
function css(color: string): string {
  const probe = document.createElement('div');
  probe.style.color = color;
  return probe.style.color;
}

// The renderer warns (once per load) when no Markdown processor is set: watch the whole file, checked last.
const warn = jest.spyOn(console, 'warn');
afterAll(() => warn.mockRestore());

describe('play a member', () => {
  it.each([
    ['dark', teamsDarkTheme],
    ['high-contrast', teamsHighContrastTheme],
  ])('draws the card with the %s theme’s host config: its surfaces and text colours', async (_, theme) => {
    const box = await renderPlaying(
      checkInCard([{ path: 'progress', message: 'Choose how progress feels.' }]),
      theme,
    );
    const root = box.querySelector<HTMLElement>('.ac-adaptiveCard');
    expect(root?.style.backgroundColor).toBe(css(theme.colorNeutralBackground1));
    // The problems sit in an "attention" container: the theme's danger surface, its text the danger colour.
    const problem = within(box).getByText('Choose how progress feels.');
    const attention = problem.closest<HTMLElement>('.ac-container:not(.ac-adaptiveCard)');
    expect(attention?.style.backgroundColor).toBe(css(theme.colorStatusDangerBackground1));
    expect(problem.closest<HTMLElement>('.ac-textBlock')?.style.color).toBe(
      css(theme.colorStatusDangerForeground1),
    );
    const title = within(box).getByText('Check-in · Contoso Product Team');
    expect(title.closest<HTMLElement>('.ac-textBlock')?.style.color).toBe(css(theme.colorNeutralForeground1));
    expect(title.closest<HTMLElement>('.ac-textBlock')?.style.fontFamily).toBe(theme.fontFamilyBase);
  });

  it('shows the deadline in the played member’s time zone, and says which zone that is', async () => {
    const box = await renderPlaying(checkInCard());
    const date = CLOSES_AT.toLocaleDateString(undefined, {
      timeZone: NEW_YORK,
      weekday: 'short',
      month: 'short',
      day: 'numeric',
      year: 'numeric',
    });
    const time = CLOSES_AT.toLocaleTimeString(undefined, {
      timeZone: NEW_YORK,
      hour: 'numeric',
      minute: '2-digit',
    });
    expect(box.textContent).toContain(`Open until ${date} ${time}.`);
    // In this test's locale: the evening before, in New York.
    expect(date).toContain('Nov 29');
    expect(
      screen.getByText('Times on the card are in Megan Bowen’s time zone (America/New_York).'),
    ).toBeTruthy();
  });

  it('renders card Markdown as Teams does, shows escaped characters as typed, and the renderer does not warn', async () => {
    const typed = 'R&D *team* [wiki](https://example.com) \\o/';
    const box = await renderPlaying({
      type: 'AdaptiveCard',
      version: '1.5',
      body: [
        { type: 'TextBlock', wrap: true, text: `Team: ${escapeCardText(typed)}` },
        {
          type: 'TextBlock',
          wrap: true,
          text: 'In a chat with me: **checkin** or _help_.\n\n- first\n- [the guide](https://example.com/guide)',
        },
      ],
    });
    expect(within(box).getByText(`Team: ${typed}`)).toBeTruthy();
    expect(within(box).getByText('checkin').tagName).toBe('STRONG');
    expect(within(box).getByText('help').tagName).toBe('EM');
    expect(
      within(box)
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual(['first', 'the guide']);
    expect(within(box).getByRole('link', { name: 'the guide' }).getAttribute('href')).toBe(
      'https://example.com/guide',
    );
    // What a member typed never becomes a link.
    expect(within(box).queryByRole('link', { name: 'wiki' })).toBeNull();
    // Every card this file drew went through our Markdown, so the renderer never said it had none.
    const said = warn.mock.calls
      .flat()
      .map((a) => String(typeof a === 'function' ? (a as () => unknown)() : a));
    expect(said.filter((s) => s.includes('Markdown'))).toEqual([]);
  });
});
