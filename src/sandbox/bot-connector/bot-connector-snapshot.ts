/**
 * What the Bot Connector sandbox keeps across restarts in local mode: the conversations the bot opened and every
 * activity it sent or updated (a member's card is the newest one in their 1:1 chat, and the bot updates cards by id
 * later), plus the activity counter, so ids given after a restart never repeat one given before.
 */
import { z } from 'zod';

const conversationSchema = z.object({
  id: z.string(),
  tenantId: z.string(),
  kind: z.enum(['personal', 'channel']),
  memberId: z.string().optional(),
});

const recordedActivitySchema = z.object({
  seq: z.number().int().nonnegative(),
  operation: z.enum(['send', 'reply', 'update']),
  conversationId: z.string(),
  activityId: z.string(),
  activity: z.record(z.string(), z.unknown()),
  at: z.number(),
});

export const botConnectorSnapshotSchema = z.object({
  version: z.literal(1),
  seq: z.number().int().nonnegative(),
  conversations: z.array(conversationSchema),
  activities: z.array(recordedActivitySchema),
});

export type BotConnectorSnapshot = z.infer<typeof botConnectorSnapshotSchema>;
