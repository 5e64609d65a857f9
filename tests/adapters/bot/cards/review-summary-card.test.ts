/**
 * @jest-environment jsdom
 */
// The live review's summary card as the Adaptive Cards renderer shows it: an Adaptive Card 1.5 with what was decided,
// every piece of typed text literal (a revision can hold Markdown, a link or a date function), and the charter button.
import { renderCard } from '../../../../src/adapters/bot/cards/render-card';
import type { OutboundCard } from '../../../../src/app/checkins/checkin-ports';
import { MARKUP_SELECTOR, renderCardToDom, visibleText } from './support/render-card-dom';

/** How the renderer draws a FactSet. */
const FACT_SET = 'table.ac-factset';
const crafted = '[click](https://evil.example) **now** {{DATE(2026-01-01T00:00:00Z, SHORT)}}';

const DECISIONS = [
  { section: 'Non-negotiables', clause: 'No deploys on Fridays', decision: 'keep', text: null },
  { section: 'Outcomes', clause: 'Fewer abandoned carts', decision: 'revise', text: crafted },
  { section: 'Boundaries', clause: '# Pricing', decision: 'drop', text: null },
] as const;

/** The card for a review of charter version 7 that ended on 3 December 2026; override any part. */
function summaryCard(overrides: Partial<Extract<OutboundCard, { kind: 'reviewSummary' }>>) {
  return renderCard({
    kind: 'reviewSummary',
    teamName: 'Checkout',
    endedAt: new Date('2026-12-03T16:55:00Z'),
    charterVersion: 7,
    proposalSummary: null,
    decisions: [],
    tabUrl: 'https://tab.example/charter',
    ...overrides,
  });
}

describe('the live review’s summary card', () => {
  it('lists each decision with its section, shows typed text literally, and opens the charter', () => {
    const card = summaryCard({
      teamName: 'Checkout <b>team</b>',
      proposalSummary: 'Review: 1 revised, 1 dropped, 1 kept',
      decisions: [...DECISIONS],
    });
    expect(card).toMatchObject({ type: 'AdaptiveCard', version: '1.5' });
    expect((card as { actions: unknown[] }).actions).toEqual([
      { type: 'Action.OpenUrl', title: 'Open the charter', url: 'https://tab.example/charter' },
    ]);
    const dom = renderCardToDom(card);
    expect(dom.querySelectorAll(MARKUP_SELECTOR)).toHaveLength(0);
    expect(dom.querySelectorAll(FACT_SET)).toHaveLength(1);
    const text = visibleText(dom.textContent ?? '');
    expect(text).toContain('Review summary · Checkout <b>team</b>');
    expect(text).toContain('charter version 7 · Review: 1 revised, 1 dropped, 1 kept');
    expect(text).toContain('Non-negotiables: No deploys on Fridays Kept');
    expect(text).toContain(`Outcomes: Fewer abandoned carts Revised to “${crafted}”`);
    expect(text).toContain('Boundaries: # Pricing Dropped');
    expect(text).toContain("the charter's editors accept it as the next version, or drop it");
  });

  it('says when the review decided nothing, without a list', () => {
    const card = summaryCard({});
    const dom = renderCardToDom(card);
    expect(visibleText(dom.textContent ?? '')).toContain('No decisions were recorded.');
    expect(dom.querySelectorAll(FACT_SET)).toHaveLength(0);
    expect(JSON.stringify(card)).not.toContain('proposed revision');
  });
  it('says the decisions were not proposed when the charter changed during the review', () => {
    const dom = renderCardToDom(summaryCard({ decisions: [...DECISIONS] }));
    const text = visibleText(dom.textContent ?? '');
    expect(text).toContain('The decisions were not proposed: the charter changed during the review.');
    expect(text).toContain('Boundaries: # Pricing Dropped');
    expect(text).not.toContain('proposed revision');
  });
});
