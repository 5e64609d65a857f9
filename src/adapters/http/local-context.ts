/**
 * Local mode only, unauthenticated: the demo team and its members, so the tab's local sandbox can offer a member
 * picker before anyone is chosen. Mounted by main.ts only when `config.mode.kind === 'local'`; it tells nothing a
 * person running the app locally could not read from the seed.
 */
import type { Express } from 'express';
import type { InstallStore, TeamScope } from '../../app/ports';

export interface LocalContextOptions {
  installs: InstallStore;
  scope: TeamScope;
  teamName: string;
}

export function localContext(options: LocalContextOptions): (app: Express) => void {
  return (app) => {
    app.get('/api/local/context', async (_req, res) => {
      const members = await options.installs.listMembers(options.scope);
      res.setHeader('Cache-Control', 'no-store');
      res.json({
        tenantId: options.scope.tenantId,
        teamId: options.scope.teamId,
        teamName: options.teamName,
        members: members.map((m) => ({ id: m.aadObjectId, name: m.name, timeZone: m.timeZone })),
      });
    });
  };
}
