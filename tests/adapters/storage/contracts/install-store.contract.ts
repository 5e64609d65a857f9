import { PostgresInstallStore } from '../../../../src/adapters/storage/postgres-install-store';
import { PostgresJobQueue } from '../../../../src/adapters/storage/postgres-job-queue';
import type { TeamScope } from '../../../../src/app/common-ports';
import type { InstallStore, MemberInput } from '../../../../src/app/installs/install-ports';
import type { JobKind } from '../../../../src/app/jobs/job-ports';
import type { StorageHarness } from '../../../support/storage-harness';
import { at, installation, newScope } from './fixtures';

function member(aadObjectId: string, name: string, overrides: Partial<MemberInput> = {}): MemberInput {
  return {
    aadObjectId,
    teamsUserId: `29:${aadObjectId}`,
    name,
    email: `${aadObjectId}@contoso.example`,
    timeZone: null,
    ...overrides,
  };
}

export function installStoreContract(h: StorageHarness): void {
  describe(`PostgresInstallStore on ${h.driverName}`, () => {
    let store: InstallStore;
    let scope: TeamScope;
    beforeEach(async () => {
      store = new PostgresInstallStore(h.db());
      scope = newScope();
      await store.saveInstallation(installation(scope));
    });

    it('saves an installation, updates it in place, and clears uninstalledAt on reinstall', async () => {
      expect(await store.getInstallation(scope)).toEqual(installation(scope));

      await store.saveInstallation(installation(scope, { uninstalledAt: at(1_000) }));
      expect((await store.getInstallation(scope))?.uninstalledAt).toEqual(at(1_000));

      const reinstalled = installation(scope, {
        serviceUrl: 'https://smba.trafficmanager.net/amer/',
        teamName: 'Checkout & Payments',
        installedBy: 'aad-bo',
        installedAt: at(2_000),
        uninstalledAt: null,
      });
      await store.saveInstallation(reinstalled);
      expect(await store.getInstallation(scope)).toEqual(reinstalled);
    });

    it('upserts members by AAD object id and lists current members by name', async () => {
      await store.upsertMembers(scope, [
        member('aad-chen', 'Chen'),
        member('aad-ada', 'Ada', { timeZone: 'Europe/London' }),
        member('aad-bo', 'bo'),
      ]);
      await store.upsertMembers(scope, [member('aad-chen', 'Chen Li', { email: 'chen.li@contoso.example' })]);

      const members = await store.listMembers(scope);
      expect(members.map((m) => m.name)).toEqual(['Ada', 'bo', 'Chen Li']);
      expect(members[0]).toEqual({
        ...scope,
        aadObjectId: 'aad-ada',
        teamsUserId: '29:aad-ada',
        name: 'Ada',
        email: 'aad-ada@contoso.example',
        timeZone: 'Europe/London',
        conversationId: null,
        leftAt: null,
      });
      expect((await store.getMember(scope, 'aad-chen'))?.email).toBe('chen.li@contoso.example');
      expect(await store.getMember(scope, 'aad-nobody')).toBeNull();
    });

    it('keeps what it knows when a roster page does not say (null teams id, email or zone)', async () => {
      await store.upsertMembers(scope, [member('aad-ada', 'Ada', { timeZone: 'Europe/London' })]);
      await store.upsertMembers(scope, [
        member('aad-ada', 'Ada Lovelace', { teamsUserId: null, email: null, timeZone: null }),
      ]);
      expect(await store.getMember(scope, 'aad-ada')).toMatchObject({
        name: 'Ada Lovelace',
        teamsUserId: '29:aad-ada',
        email: 'aad-ada@contoso.example',
        timeZone: 'Europe/London',
      });
    });

    it('takes the last entry when a page lists a member twice', async () => {
      await store.upsertMembers(scope, [member('aad-ada', 'Ada'), member('aad-ada', 'Ada L.')]);
      expect((await store.listMembers(scope)).map((m) => m.name)).toEqual(['Ada L.']);
    });

    it('hides a member who left, and brings them back (leftAt cleared) when they return', async () => {
      await store.upsertMembers(scope, [member('aad-ada', 'Ada'), member('aad-bo', 'Bo')]);
      await store.markMemberLeft(scope, 'aad-bo', at(5_000));

      expect((await store.listMembers(scope)).map((m) => m.aadObjectId)).toEqual(['aad-ada']);
      expect(await store.getMember(scope, 'aad-bo')).toBeNull();
      expect(await store.listTeamsOfUser(scope.tenantId, 'aad-bo')).toEqual([]);

      await store.upsertMembers(scope, [member('aad-bo', 'Bo')]);
      expect(await store.getMember(scope, 'aad-bo')).toMatchObject({ name: 'Bo', leftAt: null });
      expect((await store.listMembers(scope)).map((m) => m.aadObjectId)).toEqual(['aad-ada', 'aad-bo']);
    });

    it('lists the teams a user is a current member of where the app is installed, by team name', async () => {
      const user = 'aad-user-in-many-teams';
      const zebra = newScope();
      const alpha = { tenantId: scope.tenantId, teamId: `${zebra.teamId}-alpha` };
      const uninstalled = { tenantId: scope.tenantId, teamId: `${zebra.teamId}-uninstalled` };
      const left = { tenantId: scope.tenantId, teamId: `${zebra.teamId}-left` };
      const otherTenant = { tenantId: `${scope.tenantId}-other`, teamId: `${zebra.teamId}-other-tenant` };
      const mine = { tenantId: scope.tenantId, teamId: zebra.teamId };
      await store.saveInstallation(installation(mine, { teamName: 'Zebra' }));
      await store.saveInstallation(installation(alpha, { teamName: 'alpha' }));
      await store.saveInstallation(installation(uninstalled, { teamName: 'Gone', uninstalledAt: at(1) }));
      await store.saveInstallation(installation(left, { teamName: 'Left' }));
      await store.saveInstallation(installation(otherTenant, { teamName: 'Elsewhere' }));
      for (const s of [mine, alpha, uninstalled, left, otherTenant]) {
        await store.upsertMembers(s, [member(user, 'Uma')]);
      }
      await store.markMemberLeft(left, user, at(2));

      expect(await store.listTeamsOfUser(scope.tenantId, user)).toEqual([
        { teamId: alpha.teamId, teamName: 'alpha', lastSeenCharterVersion: null },
        { teamId: mine.teamId, teamName: 'Zebra', lastSeenCharterVersion: null },
      ]);
      expect(await store.listTeamsOfUser(otherTenant.tenantId, user)).toEqual([
        { teamId: otherTenant.teamId, teamName: 'Elsewhere', lastSeenCharterVersion: null },
      ]);
    });

    it('remembers the charter version a member last looked at per team, never going back, untouched by a roster sync', async () => {
      const otherTeam = { tenantId: scope.tenantId, teamId: `${scope.teamId}-seen-other` };
      await store.saveInstallation(installation(otherTeam, { teamName: 'Other' }));
      await store.upsertMembers(scope, [member('aad-ada', 'Ada')]);
      await store.upsertMembers(otherTeam, [member('aad-ada', 'Ada')]);
      const seen = async () =>
        Object.fromEntries(
          (await store.listTeamsOfUser(scope.tenantId, 'aad-ada')).map((t) => [
            t.teamId,
            t.lastSeenCharterVersion,
          ]),
        );

      await store.markCharterSeen(scope, 'aad-ada', 3);
      await store.markCharterSeen(scope, 'aad-ada', 2); // an older tab, late
      await store.upsertMembers(scope, [member('aad-ada', 'Ada Lovelace')]); // the roster sync
      expect(await seen()).toEqual({ [scope.teamId]: 3, [otherTeam.teamId]: null });
      // someone else's look is theirs only
      await store.upsertMembers(scope, [member('aad-bo', 'Bo')]);
      await store.markCharterSeen(scope, 'aad-bo', 5);
      expect(await seen()).toEqual({ [scope.teamId]: 3, [otherTeam.teamId]: null });
    });

    it('never shows or changes members across tenants or teams', async () => {
      const otherTenant = { tenantId: `${scope.tenantId}-other`, teamId: scope.teamId };
      const otherTeam = { tenantId: scope.tenantId, teamId: `${scope.teamId}-other` };
      await store.saveInstallation(installation(otherTenant));
      await store.saveInstallation(installation(otherTeam));
      await store.upsertMembers(scope, [member('aad-ada', 'Ada')]);

      for (const elsewhere of [otherTenant, otherTeam]) {
        expect(await store.listMembers(elsewhere)).toEqual([]);
        expect(await store.getMember(elsewhere, 'aad-ada')).toBeNull();
        await store.markMemberLeft(elsewhere, 'aad-ada', at(1));
        await store.upsertMembers(elsewhere, [
          member('aad-ada', 'Ada Elsewhere', { email: 'x@elsewhere.example' }),
        ]);
      }
      expect(await store.getMember(scope, 'aad-ada')).toMatchObject({
        name: 'Ada',
        email: 'aad-ada@contoso.example',
        leftAt: null,
      });
      expect(
        await store.getInstallation({ tenantId: `${scope.tenantId}-none`, teamId: scope.teamId }),
      ).toBeNull();
    });

    it('refuses a roster for a team that is not installed', async () => {
      await expect(store.upsertMembers(newScope(), [member('aad-ada', 'Ada')])).rejects.toThrow();
    });

    it('deletes a team’s jobs with the team, but for a running one (the deletion job itself)', async () => {
      const queue = new PostgresJobQueue(h.db());
      const job = (kind: JobKind) => ({
        kind,
        key: kind,
        scope,
        payload: { memberId: 'aad-ada' },
        runAt: at(0),
      });
      await queue.enqueue(job('checkins.deliver'));
      await queue.enqueue(job('installs.delete-team'));
      const other = newScope();
      const { id: otherTeamsJob } = await queue.enqueue({ ...job('checkins.deliver'), scope: other });
      const [running] = await queue.claim({
        workerId: 'w',
        now: at(1),
        leaseMs: 60_000,
        limit: 1,
        kinds: ['installs.delete-team'],
      });

      await store.deleteTeam(scope);

      const left = await h
        .db()
        .query('SELECT id FROM jobs WHERE tenant_id = ANY($1)', [[scope.tenantId, other.tenantId]]);
      expect(left.rows.map((r) => (r as { id: string }).id).sort()).toEqual(
        [running?.id, otherTeamsJob].sort(),
      );
    });

    it('remembers a member’s 1:1 conversation, follows a new service URL tenant-wide, and deletes a team whole', async () => {
      await store.upsertMembers(scope, [member('aad-ada', 'Ada')]);
      await store.saveConversationId(scope, 'aad-ada', 'a:1ada');
      expect((await store.getMember(scope, 'aad-ada'))?.conversationId).toBe('a:1ada');

      await store.refreshServiceUrl(scope.tenantId, 'https://smba.trafficmanager.net/amer/');
      await store.refreshServiceUrl(`${scope.tenantId}-other`, 'https://elsewhere.example/');
      expect((await store.getInstallation(scope))?.serviceUrl).toBe('https://smba.trafficmanager.net/amer/');

      await store.deleteTeam(scope);
      expect(await store.getInstallation(scope)).toBeNull();
      expect(await store.listMembers(scope)).toEqual([]);
    });
  });
}
