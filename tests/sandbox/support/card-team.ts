import type { SandboxTeam } from '../../../src/sandbox/bot-connector/bot-connector-sandbox';

/** The Adaptive Card attachment's content type. */
export const CARD = 'application/vnd.microsoft.card.adaptive';

/** An Adaptive Card 1.5 that says `text`. */
export const card = (text: string) => ({
  type: 'AdaptiveCard',
  version: '1.5',
  body: [{ type: 'TextBlock', text }],
});

/** A team of two, Ada (`aad-0`, `29:m0`) and Ben (`aad-1`, `29:m1`). */
export const TEAM_OF_TWO: SandboxTeam = {
  tenantId: 'tenant-1',
  teamsTeamId: '19:team@thread.tacv2',
  aadGroupId: 'group-1',
  name: 'Team',
  members: [
    { id: '29:m0', aadObjectId: 'aad-0', name: 'Ada' },
    { id: '29:m1', aadObjectId: 'aad-1', name: 'Ben' },
  ],
};
