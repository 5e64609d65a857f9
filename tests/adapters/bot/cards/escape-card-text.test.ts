/**
 * @jest-environment jsdom
 */
import { escapeCardPlainText, escapeCardText } from '../../../../src/adapters/bot/cards/escape-card-text';
import { renderCard } from '../../../../src/adapters/bot/cards/render-card';
import { MARKUP_SELECTOR, renderCardToDom, visibleText } from './support/render-card-dom';

const textBlock = (text: string) => ({
  type: 'AdaptiveCard',
  version: '1.5',
  body: [{ type: 'TextBlock', text }],
});

describe('escapeCardText', () => {
  it.each(['Ship v2 by June', 'Zoë’s team: 3 outcomes, 2 boundaries', ''])(
    'leaves plain text %p unchanged',
    (text) => {
      expect(escapeCardText(text)).toBe(text);
      expect(escapeCardPlainText(text)).toBe(text);
    },
  );

  it('backslash-escapes link, emphasis, heading, list and HTML syntax', () => {
    expect(escapeCardText('[x](javascript:alert(1))')).toBe('\\[x\\]\\(javascript:alert\\(1\\)\\)');
    expect(escapeCardText('**bold** _it_')).toBe('\\*\\*bold\\*\\* \\_it\\_');
    expect(escapeCardText('# h\n- a\n1. b\n===')).toBe('\\# h\n\\- a\n1\\. b\n\\===');
    expect(escapeCardText('<at>x</at> & y')).toBe('\\<at\\>x\\</at\\> \\& y');
  });

  it('breaks date functions with a zero-width space in both kinds of field', () => {
    const date = '{{DATE(2026-01-01T00:00:00Z, SHORT)}}';
    for (const escaped of [escapeCardText(date), escapeCardPlainText(date)]) {
      expect(escaped).not.toMatch(/\{\{/);
      expect(escaped.replace(/\u200B/g, '').replace(/\\/g, '')).toBe(date);
    }
  });

  it('turns CR and CRLF into LF, and isolates bidi overrides so they end with the text', () => {
    expect(escapeCardPlainText('a\r\nb\rc')).toBe('a\nb\nc');
    expect(escapeCardPlainText('x\u202Eexe')).toBe('\u2068x\u202Eexe\u2069');
  });
});

describe('cards with escaped text, as the renderer shows them', () => {
  it('show a crafted outcome title as the characters typed, not a link, bold text or a date', () => {
    const title = '[click](https://evil.example) **now** {{DATE(2026-01-01T00:00:00Z, SHORT)}}';
    const card = renderCard({
      kind: 'summary',
      teamName: title,
      opensAt: new Date('2026-11-23T09:00:00Z'),
      closesAt: new Date('2026-11-30T09:00:00Z'),
      tabUrl: 'https://tab.example/',
      aggregate: {
        asked: 3,
        responses: 3,
        responseRate: 1,
        shown: true,
        anonymityMinimum: 3,
        outcomes: [{ outcomeId: 'o1', title, distribution: [0, 0, 3, 0, 0], average: 3 }],
        boundaries: [],
        supportRequests: 0,
        namedQuotes: [],
      },
    });
    const dom = renderCardToDom(card);
    expect(dom.querySelectorAll(MARKUP_SELECTOR)).toHaveLength(0);
    expect(visibleText(dom.textContent ?? '')).toContain(title);
    // the same text unescaped is a link, bold and a date: the check above can fail
    const raw = renderCardToDom(textBlock(title));
    expect(raw.querySelector('a')).not.toBeNull();
    expect(raw.textContent).not.toContain('{{DATE');
  });

  it('keeps template expressions in data as text: adaptivecards-templating does not evaluate values again', () => {
    const card = renderCard({
      kind: 'welcome',
      teamName: '${tenantId} ${join(createArray(1,2), "-")}',
      tabUrl: 'u',
    });
    const [heading] = (card as { body: { text: string }[] }).body;
    expect(heading?.text.replace(/\\(.)/g, '$1')).toBe(
      'Team Charter is ready in ${tenantId} ${join(createArray(1,2), "-")}',
    );
  });

  it('leaves an input value as typed, so an edited answer comes back unchanged', () => {
    const support = '**help** {{TIME(2026-01-01T00:00:00Z)}}';
    const card = renderCard({
      kind: 'checkin',
      view: {
        mode: 'ask',
        teamName: 'Team',
        tenantId: 't',
        teamId: 'team',
        roundId: 'r',
        closesAt: new Date('2026-11-30T09:00:00Z'),
        questions: { outcomes: [], boundaries: [] },
        inputs: { support },
        problems: [],
      },
    });
    expect(JSON.stringify(card)).toContain(JSON.stringify(support).slice(1, -1));
  });
});
