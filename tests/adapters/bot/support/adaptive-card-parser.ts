/**
 * Parses a card with the `adaptivecards` 3.0.6 library (its UMD bundle loads in Node) as Teams' schema
 * 1.5, and returns every parse and validation problem it reports (empty: the card is good).
 */
// eslint-disable-next-line @typescript-eslint/no-require-imports
const AC = require('adaptivecards/dist/adaptivecards.js') as {
  AdaptiveCard: new () => {
    parse(json: unknown, context: unknown): void;
    validateProperties(): { validationEvents: { message: string }[] };
  };
  SerializationContext: new (version: unknown) => {
    eventCount: number;
    getEventAt(i: number): { message: string; phase: unknown };
  };
  Versions: { v1_5: unknown };
};

export function parsesAsAdaptiveCard15(card: unknown): string[] {
  const json = card as { version?: string; type?: string };
  const problems: string[] = [];
  if (json.type !== 'AdaptiveCard') problems.push(`type is ${String(json.type)}`);
  if (json.version !== '1.5') problems.push(`version is ${String(json.version)}, Teams needs 1.5`);
  const context = new AC.SerializationContext(AC.Versions.v1_5);
  const parsed = new AC.AdaptiveCard();
  parsed.parse(card, context);
  for (let i = 0; i < context.eventCount; i++) problems.push(`parse: ${context.getEventAt(i).message}`);
  for (const event of parsed.validateProperties().validationEvents)
    problems.push(`validate: ${event.message}`);
  return problems;
}
