import { describeCadence, renderCharterMarkdown } from '../../../src/domain/charter/charter-markdown';
import { escapeMarkdown } from '../../../src/domain/charter/escape-markdown';
import { MEMBER_A, validCharter, weeklyCadence } from '../../support/charter-fixtures';

describe('renderCharterMarkdown', () => {
  const render = (overrides: Parameters<typeof validCharter>[0] = {}) =>
    renderCharterMarkdown({
      teamName: 'Contoso <Product>',
      version: 2,
      content: validCharter(overrides),
      history: [
        {
          version: 2,
          authorName: 'Lukas | Becker',
          createdAt: new Date('2026-03-29T08:30:00Z'),
          why: 'After the review',
          summary: '1 boundary added',
        },
        {
          version: 1,
          authorName: 'Adele',
          createdAt: new Date('2026-01-05T09:00:00Z'),
          why: null,
          summary: 'Charter created',
        },
      ],
      nameOf: (id) => (id === MEMBER_A ? 'Adele Vance' : id),
    });

  it('has every part of the charter and the history, newest first, times in the team zone', () => {
    const md = render();
    for (const heading of [
      '## Purpose',
      '## Non-negotiables',
      '### Outcomes',
      '### Boundaries',
      '## Check-ins',
      '## Review cycles',
      '## History',
    ])
      expect(md).toContain(heading);
    expect(md).toContain('Organizer: Adele Vance');
    expect(md).toContain(
      '| 2 | 2026-03-29 10:30 GMT+2 | Lukas \\| Becker | 1 boundary added | After the review |',
    );
    expect(md.indexOf('| 2 |')).toBeLessThan(md.indexOf('| 1 |'));
  });

  it('escapes what people typed so it shows as text, never as HTML or Markdown', () => {
    const md = render({ purpose: '<script>alert(1)</script> **bold** [link](javascript:x)' });
    // every `<` that could open a tag carries a backslash
    expect(md).not.toMatch(/(^|[^\\])<[a-z/]/im);
    expect(md).toContain('\\<script>alert(1)\\</script> \\*\\*bold\\*\\* \\[link\\](javascript:x)');
    expect(md).toContain('# Contoso \\<Product> — team charter (version 2)');
  });

  it('says plainly when check-ins and reviews are not scheduled', () => {
    const md = render({ checkIns: null, review: null, boundaries: [] });
    expect(md).toContain('_No check-ins scheduled._');
    expect(md).toContain('_No review cycle scheduled._');
    expect(md).toContain('_None yet._');
  });
});

describe('describeCadence', () => {
  it('reads like a sentence for each kind of pattern', () => {
    expect(
      describeCadence(
        weeklyCadence({ pattern: { kind: 'weekly', interval: 2, daysOfWeek: ['monday', 'thursday'] } }),
      ),
    ).toBe('every 2 weeks on Monday, Thursday at 10:00 (Europe/Berlin), 15 min');
    expect(
      describeCadence(weeklyCadence({ pattern: { kind: 'monthlyOnDate', interval: 1, dayOfMonth: 'last' } })),
    ).toBe('every month on the last day at 10:00 (Europe/Berlin), 15 min');
    expect(
      describeCadence(
        weeklyCadence({
          pattern: { kind: 'monthlyOnPosition', interval: 3, index: 'first', dayOfWeek: 'friday' },
        }),
      ),
    ).toBe('every 3 months on the first Friday at 10:00 (Europe/Berlin), 15 min');
  });
});

describe('escapeMarkdown', () => {
  it('keeps plain words as they are', () => {
    expect(escapeMarkdown('Ship small, ship often')).toBe('Ship small, ship often');
  });
});

describe('escapeMarkdown at line starts', () => {
  it('escapes a list number, a setext underline and a lone CR', () => {
    expect(escapeMarkdown('1. first')).toBe('1\\. first');
    expect(escapeMarkdown('Title\n===')).toBe('Title  \n\\===');
    expect(escapeMarkdown('a\r- b')).toBe('a  \n\\- b');
  });
});
