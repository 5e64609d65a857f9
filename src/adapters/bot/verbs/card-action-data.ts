import { z } from 'zod';

/** What our check-in cards put in an action's data (inputs are merged in by Teams, all strings). */
export const cardActionData = z.looseObject({
  roundId: z.uuid(),
  teamId: z.string().min(1).max(100),
  tenantId: z.string().min(1).max(100),
});

export type CardActionData = z.infer<typeof cardActionData>;

/** The inputs of a submitted card: every string field except our own ids. */
export function cardInputs(data: Record<string, unknown>): Record<string, string> {
  const inputs: Record<string, string> = {};
  for (const [key, value] of Object.entries(data))
    if (typeof value === 'string' && !['roundId', 'teamId', 'tenantId', 'verb'].includes(key))
      inputs[key] = value;
  return inputs;
}
