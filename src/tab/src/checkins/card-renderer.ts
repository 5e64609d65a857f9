/**
 * The Adaptive Cards JavaScript renderer set up as Teams renders a bot's card: Markdown in TextBlocks only (choice and
 * toggle titles are plain text in Teams, and the server escapes them as such), dates in the member's zone, and the
 * host config of the theme on screen. Only the sandbox's "play a member" loads this, on demand.
 */
import { type Action, AdaptiveCard, GlobalSettings, type HostConfig } from 'adaptivecards';

import { withCardDatesIn } from './card-dates';
import { cardMarkdownToHtml } from './card-markdown';

AdaptiveCard.onProcessMarkdown = (text, result) => {
  result.outputHtml = cardMarkdownToHtml(text);
  result.didProcess = true;
};
GlobalSettings.useMarkdownInRadioButtonAndCheckbox = false;

export interface RenderCardOptions {
  hostConfig: HostConfig;
  /** The IANA zone the card's `{{DATE()}}`/`{{TIME()}}` show in: the member's. */
  timeZone: string;
  onAction: (action: Action) => void;
}

export function renderAdaptiveCard(
  card: Record<string, unknown>,
  { hostConfig, timeZone, onAction }: RenderCardOptions,
): HTMLElement | undefined {
  const adaptive = new AdaptiveCard();
  adaptive.hostConfig = hostConfig;
  adaptive.onExecuteAction = onAction;
  adaptive.parse(withCardDatesIn(card, timeZone));
  return adaptive.render();
}
