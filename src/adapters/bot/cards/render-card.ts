/**
 * Turns what the app wants to show (`OutboundCard`) into Adaptive Card 1.5 JSON, from the JSON templates beside this
 * file with `adaptivecards-templating`. Times go out as RFC 3339 in `{{DATE()}}`/`{{TIME()}}`, so each member's Teams
 * client shows them in the member's own zone.
 *
 * Every piece of text a person typed goes through escape-card-text.ts here, before templating, so the card shows it
 * literally: `md` where Teams reads Markdown (TextBlock, Fact), `plain` in labels and choice titles. Input values are
 * left as typed (an input shows its value as text, and it must come back unchanged when the member edits).
 */
import { Template } from 'adaptivecards-templating';

import type { CheckInCardView, OutboundCard } from '../../../app/checkins/checkin-ports';
import { ANSWER_FIELDS } from '../../../domain/checkin/validate-answer';
import checkInTemplate from './check-in-card.json';
import closedTemplate from './check-in-closed-card.json';
import thanksTemplate from './check-in-thanks-card.json';
import { escapeCardPlainText as plain, escapeCardText as md } from './escape-card-text';
import reviewSummaryTemplate from './review-summary-card.json';
import summaryTemplate from './summary-card.json';
import welcomeTemplate from './welcome-card.json';

export type AdaptiveCardJson = Record<string, unknown>;

const templates = {
  checkIn: new Template(checkInTemplate),
  thanks: new Template(thanksTemplate),
  closed: new Template(closedTemplate),
  welcome: new Template(welcomeTemplate),
  summary: new Template(summaryTemplate),
  reviewSummary: new Template(reviewSummaryTemplate),
};

export function renderCard(card: OutboundCard): AdaptiveCardJson {
  switch (card.kind) {
    case 'welcome':
      return expand(templates.welcome, {
        teamName: md(card.teamName),
        tabUrl: card.tabUrl,
        hasAppUrl: card.appUrl !== undefined,
        appUrl: card.appUrl ?? '',
      });
    case 'checkin':
      return renderCheckIn(card.view);
    case 'summary': {
      const a = card.aggregate;
      return expand(templates.summary, {
        teamName: md(card.teamName),
        opensAt: rfc3339(card.opensAt),
        closesAt: rfc3339(card.closesAt),
        responses: a.responses,
        asked: a.asked,
        ratePercent: Math.round(a.responseRate * 100),
        shown: a.shown,
        anonymityMinimum: a.anonymityMinimum,
        outcomes: a.outcomes.map((o) => ({
          title: md(o.title),
          text:
            o.average === null
              ? 'no answers'
              : `average ${o.average.toFixed(1)} of 5 · ${o.distribution.map((n, i) => `${i + 1}: ${n}`).join(', ')}`,
        })),
        hasBoundaries: a.boundaries.length > 0,
        boundaries: a.boundaries.map((b) => ({
          area: md(b.area),
          text: `helped ${b.helped} · got in the way ${b.hindered}`,
        })),
        supportText:
          a.supportRequests === 0
            ? 'Nobody asked for support this time.'
            : `${a.supportRequests} ${a.supportRequests === 1 ? 'person asked' : 'people asked'} for support.`,
        quotes: a.namedQuotes.map((q) => ({ text: md(q.text), name: md(q.name) })),
        tabUrl: card.tabUrl,
      });
    }
    case 'reviewSummary':
      return expand(templates.reviewSummary, {
        teamName: md(card.teamName),
        endedAt: rfc3339(card.endedAt),
        charterVersion: card.charterVersion,
        headline: md(
          card.proposalSummary ??
            (card.decisions.length > 0
              ? 'The decisions were not proposed: the charter changed during the review.'
              : 'No decisions were recorded.'),
        ),
        hasDecisions: card.decisions.length > 0,
        proposed: card.proposalSummary !== null,
        decisions: card.decisions.map((d) => ({
          title: md(`${d.section}: ${d.clause}`),
          text: d.decision === 'revise' ? md(`Revised to “${d.text ?? ''}”`) : DECISION_LABELS[d.decision],
        })),
        tabUrl: card.tabUrl,
      });
  }
}

const DECISION_LABELS = { keep: 'Kept', drop: 'Dropped' } as const;

function renderCheckIn(view: CheckInCardView): AdaptiveCardJson {
  const ids = { roundId: view.roundId, teamId: view.teamId, tenantId: view.tenantId };
  const common = { ...ids, teamName: md(view.teamName), closesAt: rfc3339(view.closesAt) };
  switch (view.mode) {
    case 'thanks':
      return expand(templates.thanks, common);
    case 'closed':
      return expand(templates.closed, common);
    case 'ask': {
      const input = (id: string) => view.inputs[id] ?? '';
      return expand(templates.checkIn, {
        ...common,
        hasProblems: view.problems.length > 0,
        problems: view.problems.map((p) => ({ ...p, message: md(p.message) })),
        outcomes: view.questions.outcomes.map((o) => ({
          inputId: ANSWER_FIELDS.progress(o.id),
          title: plain(o.title),
          value: input(ANSWER_FIELDS.progress(o.id)),
        })),
        hasBoundaries: view.questions.boundaries.length > 0,
        boundaries: view.questions.boundaries.map((b) => ({ id: b.id, area: plain(b.area) })),
        boundary: input(ANSWER_FIELDS.boundary),
        boundaryEffect: input(ANSWER_FIELDS.boundaryEffect),
        boundaryNote: input(ANSWER_FIELDS.boundaryNote),
        support: input(ANSWER_FIELDS.support),
        share: input(ANSWER_FIELDS.share) === 'true' ? 'true' : 'false',
      });
    }
  }
}

function expand(template: Template, data: Record<string, unknown>): AdaptiveCardJson {
  return template.expand({ $root: data }) as AdaptiveCardJson;
}

/** `2026-01-05T09:00:00Z`: the form `{{DATE()}}` accepts (no fractional seconds). */
function rfc3339(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, 'Z');
}
