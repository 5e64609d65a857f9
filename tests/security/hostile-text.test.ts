/**
 * @jest-environment jsdom
 */
// Hostile text typed into the charter, the team name, member names and check-in answers, through every place it is
// shown: the bot's Adaptive Cards (rendered by the `adaptivecards` renderer with a Markdown pass standing in for
// Teams'), the review agenda HTML (Outlook renders the event body as HTML), the Markdown export, and the tab. Each
// payload × sink is "escaped" only when the rendered result has exactly the markup the same output with plain text
// has (no element, attribute or link made from the payload) and shows the payload's characters literally.
import { act, cleanup, render, screen } from '@testing-library/react';
import { createElement } from 'react';

import { renderCard } from '../../src/adapters/bot/cards/render-card';
import type { OutboundCard } from '../../src/app/checkins/checkin-ports';
import type { CharterContent } from '../../src/domain/charter/charter';
import { renderCharterMarkdown } from '../../src/domain/charter/charter-markdown';
import { buildAgendaHtml, mergeAgendaIntoBody } from '../../src/domain/review/agenda';
import { App } from '../../src/tab/src/app/app';
import { TEAM_KEY, THEME_KEY, USER_KEY } from '../../src/tab/src/app/boot';
import {
  MARKUP_SELECTOR,
  renderCardToDom,
  teamsMarkdown,
  visibleText,
} from '../adapters/bot/cards/support/render-card-dom';
import { ADELE, demoContent, FakeCharterApi } from '../tab/support/fake-charter-api';
import { Tally } from './support/tally';

const PAYLOADS: [string, string][] = [
  ['script tag', '<script>alert(1)</script>'],
  ['img onerror', '<img src=x onerror=alert(1)>'],
  ['javascript: link', '[x](javascript:alert(1))'],
  ['phishing link', '[click](https://evil.example)'],
  ['bold', '**bold** and _italic_'],
  ['heading', '# heading'],
  ['bullet list', '- list item'],
  ['numbered list', '1. first'],
  ['setext underline', 'Title\n==='],
  ['blockquote', '> quoted'],
  ['DATE function', '{{DATE(2026-01-01T00:00:00Z, SHORT)}}'],
  ['TIME function', '{{TIME(2026-01-01T00:00:00Z)}}'],
  ['templating $root', '${$root.secret} ${tenantId}'],
  ['templating function', '${join(createArray(1,2), "-")}'],
  ['Outlook style', '<style>body{display:none}</style>'],
  ['Outlook anchor', '<a href="https://evil.example">x</a>'],
  ['meta refresh', '<meta http-equiv="refresh" content="0;url=https://evil.example">'],
  ['CRLF list', 'a\r\n- b\r- c'],
  ['zero-width and RTL override', 'safe\u200B\u202Etxt.exe'],
  ['mention tag', '<at>Everyone</at>'],
];

const tally = new Tally('hostile text');
afterAll(() => tally.print());

/** Counts of each markup tag in an element: equal to the plain-text rendering's means nothing came from the payload. */
function markup(root: ParentNode): string {
  const counts = new Map<string, number>();
  for (const el of root.querySelectorAll(MARKUP_SELECTOR))
    counts.set(el.tagName, (counts.get(el.tagName) ?? 0) + 1);
  return [...counts.entries()]
    .sort()
    .map(([tag, n]) => `${tag}:${n}`)
    .join(' ');
}

/** Any attribute whose value points somewhere or runs code. */
function dangerousAttributes(root: ParentNode): string[] {
  const found: string[] = [];
  for (const el of root.querySelectorAll('*'))
    for (const attr of el.attributes)
      if (
        /^on/i.test(attr.name) ||
        (/^(href|src|action|formaction|content|http-equiv)$/i.test(attr.name) &&
          /javascript:|evil\.example|refresh/i.test(attr.value))
      )
        found.push(`${el.tagName}[${attr.name}]`);
  return found;
}

function judge(sink: string, payload: string, plain: ParentNode, hostile: ParentNode): string[] {
  const problems: string[] = [];
  if (markup(hostile) !== markup(plain)) problems.push(`markup ${markup(hostile)} ≠ ${markup(plain)}`);
  problems.push(...dangerousAttributes(hostile));
  if (!visibleText(hostile.textContent ?? '').includes(visibleText(payload)))
    problems.push('the text is not shown literally');
  tally.record(sink, problems.length === 0 ? 'escaped' : 'failed');
  return problems;
}

function withText(content: CharterContent, text: string): CharterContent {
  return {
    ...content,
    purpose: text,
    nonNegotiables: content.nonNegotiables.map((n) => ({ ...n, text })),
    outcomes: content.outcomes.map((o) => ({ ...o, title: text, measure: text })),
    boundaries: content.boundaries.map((b) => ({ ...b, area: text, note: text })),
  };
}

/** Every card the bot sends, with `text` in every user-supplied field. */
function cards(text: string): [string, OutboundCard][] {
  const view = {
    teamName: text,
    tenantId: 't',
    teamId: 'team',
    roundId: 'round',
    closesAt: new Date('2026-11-30T09:00:00Z'),
    questions: { outcomes: [{ id: 'o1', title: text }], boundaries: [{ id: 'b1', area: text }] },
    inputs: { support: text },
    problems: [{ path: 'progress.o1', message: `Choose how progress feels toward “${text}” (1–5).` }],
  };
  return [
    ['welcome card', { kind: 'welcome', teamName: text, tabUrl: 'https://tab.example/' }],
    ['check-in card', { kind: 'checkin', view: { ...view, mode: 'ask' } }],
    ['thank-you card', { kind: 'checkin', view: { ...view, mode: 'thanks' } }],
    ['closed card', { kind: 'checkin', view: { ...view, mode: 'closed' } }],
    [
      'summary card',
      {
        kind: 'summary',
        teamName: text,
        opensAt: new Date('2026-11-23T09:00:00Z'),
        closesAt: new Date('2026-11-30T09:00:00Z'),
        tabUrl: 'https://tab.example/',
        aggregate: {
          asked: 5,
          responses: 3,
          responseRate: 0.6,
          shown: true,
          anonymityMinimum: 3,
          outcomes: [{ outcomeId: 'o1', title: text, distribution: [0, 1, 1, 1, 0], average: 3 }],
          boundaries: [{ boundaryId: 'b1', area: text, helped: 1, hindered: 1 }],
          supportRequests: 1,
          namedQuotes: [{ name: text, text }],
        },
      },
    ],
  ];
}

describe.each(PAYLOADS)('%s', (_name, payload) => {
  afterEach(() => {
    cleanup();
    document.body.innerHTML = '';
  });

  it('shows literally in every card the bot sends', () => {
    const plain = cards('Plain text');
    const failures = cards(payload).flatMap(([sink, card], i) => {
      const problems = judge(
        sink,
        payload,
        renderCardToDom(renderCard(plain[i]?.[1] as OutboundCard)),
        renderCardToDom(renderCard(card)),
      );
      return problems.map((p) => `${sink}: ${p}`);
    });
    expect(failures).toEqual([]);
  });

  it('is escaped in the review agenda written into the meeting body', () => {
    const agenda = (text: string) => {
      const html = mergeAgendaIntoBody(
        '<html><head></head><body><p>Join the meeting</p></body></html>',
        buildAgendaHtml({
          teamName: text,
          content: withText(demoContent(), text),
          version: 3,
          meetingDate: '2026-12-03',
          since: '2026-11-05',
          signals: [{ clauseId: 'o1', summary: 'Progress 3.0 of 5', themes: [text] }],
          supportRequests: [`“${text}” — ${text}`],
          openProposals: [{ summary: text, author: text }],
        }),
      );
      return new DOMParser().parseFromString(html, 'text/html').body;
    };
    expect(judge('review agenda (Outlook HTML)', payload, agenda('Plain text'), agenda(payload))).toEqual([]);
  });

  it('is escaped in the Markdown export', () => {
    const exported = (text: string) => {
      const md = renderCharterMarkdown({
        teamName: text,
        version: 2,
        content: withText(demoContent(), text),
        history: [
          {
            version: 2,
            authorName: text,
            createdAt: new Date('2026-11-20T09:00:00Z'),
            why: text,
            summary: text,
          },
        ],
        nameOf: () => text,
      });
      const root = document.createElement('div');
      root.innerHTML = teamsMarkdown(md, { decodeEntities: true });
      return root;
    };
    expect(judge('Markdown export', payload, exported('Plain text'), exported(payload))).toEqual([]);
  });

  it('shows as text in the tab, creating no element or attribute', async () => {
    const api = new FakeCharterApi(false);
    api.commit(withText(demoContent(), payload), ADELE, payload);
    for (const key of [TEAM_KEY, USER_KEY, THEME_KEY]) document.cookie = `${key}=; path=/; max-age=0`;
    await act(async () => {
      render(
        createElement(App, {
          host: { kind: 'local' },
          fetchFn: api.fetch,
          now: () => new Date('2026-11-25T12:00:00Z'),
        }),
      );
    });
    const purpose = await screen.findByTestId('purpose');
    const problems: string[] = [];
    if (purpose.textContent !== payload.replace(/\r\n?/g, '\n') && purpose.textContent !== payload)
      problems.push(`purpose shows ${JSON.stringify(purpose.textContent)}`);
    if (document.body.querySelector('script, img, style, meta, iframe, at, a[href]'))
      problems.push('an element from the text');
    problems.push(...dangerousAttributes(document.body));
    const shown = visibleText(document.body.textContent ?? '');
    if (!shown.includes(visibleText(payload))) problems.push('the text is not shown literally');
    tally.record('tab (charter view)', problems.length === 0 ? 'escaped' : 'failed');
    expect(problems).toEqual([]);
  });
});

describe('the suite can fail', () => {
  it('sees the link, the bold text and the date that unescaped card text would make', () => {
    const raw = renderCardToDom({
      type: 'AdaptiveCard',
      version: '1.5',
      body: [
        {
          type: 'TextBlock',
          text: '[click](https://evil.example) **bold** {{DATE(2026-01-01T00:00:00Z, SHORT)}}',
        },
      ],
    });
    expect(raw.querySelector('a')?.getAttribute('href')).toBe('https://evil.example');
    expect(raw.querySelector('strong')?.textContent).toBe('bold');
    expect(raw.textContent).not.toContain('{{DATE');
    tally.record('control: unescaped card', 'accepted');
  });
});
