import { z } from 'zod';

/** What our check-in cards put in an action's data (inputs are merged in by Teams, all strings). */
export const cardActionData = z.looseObject({
  roundId: z.uuid(),
  teamId: z.string().min(1).max(100),
  tenantId: z.string().min(1).max(100),
});

export type CardActionData = z.infer<typeof cardActionData>;

/** The member's round that a card action is about: their tenant and id, the team and the round the card names. */
export function cardRound(member: { tenantId: string; aadObjectId: string }, data: CardActionData) {
  return {
    tenantId: member.tenantId,
    aadObjectId: member.aadObjectId,
    teamId: data.teamId,
    roundId: data.roundId,
  };
}

/** The inputs of a submitted card: every string field except our own ids. */
export function cardInputs(data: Record<string, unknown>): Record<string, string> {
  const inputs: Record<string, string> = {};
  for (const [key, value] of Object.entries(data))
    if (typeof value === 'string' && !['roundId', 'teamId', 'tenantId', 'verb'].includes(key))
      inputs[key] = value;
  return inputs;
}
