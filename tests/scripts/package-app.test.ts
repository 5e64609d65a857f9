import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { AppManifestUtils } from '@microsoft/app-manifest';
import AdmZip from 'adm-zip';
import { PNG } from 'pngjs';

import {
  bundledSchema,
  checkIcon,
  COLOR_ICON,
  OUTLINE_ICON,
  packageApp,
  PackageError,
  parseEnvFile,
} from '../../scripts/package-app';

const repo = path.resolve(__dirname, '../..');

/** What provisioning would have written to env/.env.<env>, plus the organization's URLs. */
const SAMPLE_ENV = `# sample
TEAMSFX_ENV=sample
APP_NAME_SUFFIX=" (dev)"
APP_WEBSITE_URL=https://contoso.example/team-charter
APP_PRIVACY_URL=https://contoso.example/privacy
APP_TERMS_URL=https://contoso.example/terms
TEAMS_APP_ID=0b6d7f5e-3c1a-4f8e-9d2b-6a7c8e9f0a1b
BOT_ID=1c2d3e4f-5a6b-4c7d-8e9f-0a1b2c3d4e5f
AAD_APP_CLIENT_ID=2d3e4f5a-6b7c-4d8e-9f0a-1b2c3d4e5f60
TAB_ENDPOINT=https://charterdev.azurewebsites.net
TAB_DOMAIN=charterdev.azurewebsites.net
`;

let work: string;
let appPackageDir: string;
let envDir: string;
let outDir: string;
const realFetch = globalThis.fetch;

beforeEach(() => {
  work = mkdtempSync(path.join(tmpdir(), 'team-charter-package-'));
  appPackageDir = path.join(work, 'appPackage');
  envDir = path.join(work, 'env');
  outDir = path.join(work, 'out');
  cpSync(path.join(repo, 'appPackage'), appPackageDir, {
    recursive: true,
    filter: (f) => !f.includes('build'),
  });
  cpSync(path.join(repo, 'env'), envDir, { recursive: true });
  writeFileSync(path.join(envDir, '.env.sample'), SAMPLE_ENV);
  // Offline means offline: any attempt to download a schema fails the test.
  globalThis.fetch = () => Promise.reject(new Error('network used during packaging'));
});
afterEach(() => {
  globalThis.fetch = realFetch;
  rmSync(work, { recursive: true, force: true });
});

const build = (env = 'sample') => packageApp({ env, appPackageDir, envDir, outDir });
const problemsOf = async (promise: Promise<unknown>): Promise<readonly string[]> => {
  const error: unknown = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  if (!(error instanceof PackageError)) throw new Error(`expected a PackageError, got ${String(error)}`);
  return error.problems;
};
const editManifest = (edit: (m: Record<string, unknown>) => void) => {
  const file = path.join(appPackageDir, 'manifest.json');
  const manifest = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
  edit(manifest);
  writeFileSync(file, JSON.stringify(manifest));
};
const png = (size: number, pixel: (x: number, y: number) => [number, number, number, number]): Buffer => {
  const image = new PNG({ width: size, height: size });
  for (let y = 0; y < size; y++)
    for (let x = 0; x < size; x++) image.data.set(pixel(x, y), (y * size + x) * 4);
  return PNG.sync.write(image);
};

describe('npm run package', () => {
  it('zips the filled manifest and both icons, and the zipped manifest passes the bundled v1.30 schema offline', async () => {
    const built = await build();

    expect(built.zipPath).toBe(path.join(outDir, 'appPackage.sample.zip'));
    const zip = new AdmZip(built.zipPath);
    expect(
      zip
        .getEntries()
        .map((e) => e.entryName)
        .sort(),
    ).toEqual(['color.png', 'manifest.json', 'outline.png']);
    expect(zip.readFile('color.png')).toEqual(readFileSync(path.join(appPackageDir, 'color.png')));
    const text = zip.readAsText('manifest.json');
    expect(text).not.toContain('${{');
    const manifest = JSON.parse(text) as Record<string, unknown>;
    // Validated again here, independently of the script, with the library and the schema file it ships.
    expect(manifest.manifestVersion).toBe('1.30');
    expect(await AppManifestUtils.validateAgainstSchema(manifest as never, bundledSchema('1.30'))).toEqual(
      [],
    );
    expect(manifest).toMatchObject({
      id: '0b6d7f5e-3c1a-4f8e-9d2b-6a7c8e9f0a1b',
      name: { short: 'Team Charter (dev)' },
      bots: [{ botId: '1c2d3e4f-5a6b-4c7d-8e9f-0a1b2c3d4e5f', scopes: ['personal', 'team'] }],
      // The channel tab, which is also the tab of a review meeting: its chat, details, side panel and stage.
      configurableTabs: [
        {
          configurationUrl: 'https://charterdev.azurewebsites.net/tab/config',
          scopes: ['team', 'groupChat'],
          context: ['channelTab', 'meetingChatTab', 'meetingDetailsTab', 'meetingSidePanel', 'meetingStage'],
        },
      ],
      // The personal "My charters" page (Teams, Outlook, the Microsoft 365 app), then the chat with the bot.
      staticTabs: [
        {
          entityId: 'my-charters',
          contentUrl: 'https://charterdev.azurewebsites.net/tab/me?host=teams',
          scopes: ['personal'],
        },
        { entityId: 'conversations', scopes: ['personal'] },
      ],
      validDomains: ['charterdev.azurewebsites.net'],
      webApplicationInfo: {
        id: '2d3e4f5a-6b7c-4d8e-9f0a-1b2c3d4e5f60',
        resource: 'api://charterdev.azurewebsites.net/2d3e4f5a-6b7c-4d8e-9f0a-1b2c3d4e5f60',
      },
    });
    // Standard channels only: the roster, check-ins and reviews are team-wide (docs/where-it-runs.md).
    expect(manifest.supportsChannelFeatures).toBeUndefined();
    // One resource-specific permission, delegated: sharing the tab to the meeting's stage. The bot's roster
    // (pagedmembers) and proactive posts need none.
    expect(manifest.authorization).toEqual({
      permissions: { resourceSpecific: [{ name: 'MeetingStage.Write.Chat', type: 'Delegated' }] },
    });
  });

  it('lets env/.env.<env>.user override the committed env file', async () => {
    writeFileSync(path.join(envDir, '.env.sample.user'), 'BOT_ID=3e4f5a6b-7c8d-4e9f-8a1b-2c3d4e5f6a7b\n');
    const built = await build();
    expect(built.manifest.bots).toMatchObject([{ botId: '3e4f5a6b-7c8d-4e9f-8a1b-2c3d4e5f6a7b' }]);
  });

  it('refuses a manifest with a placeholder left unfilled, naming each one, and writes no zip', async () => {
    writeFileSync(
      path.join(envDir, '.env.sample'),
      SAMPLE_ENV.replace(/^BOT_ID=.*$/m, 'BOT_ID=').replace(/^TAB_DOMAIN=.*\n/m, ''),
    );
    const problems = await problemsOf(build());
    expect(problems.filter((p) => p.startsWith('${{'))).toEqual([
      expect.stringMatching(/^\$\{\{BOT_ID\}\} has no value: set BOT_ID in .*\.env\.sample/),
      expect.stringMatching(/^\$\{\{TAB_DOMAIN\}\} has no value/),
    ]);
    expect(existsSync(path.join(outDir, 'appPackage.sample.zip'))).toBe(false);
  });

  it('refuses the committed dev env before provisioning has written its ids', async () => {
    const problems = await problemsOf(build('dev'));
    expect(problems.join('\n')).toMatch(/TEAMS_APP_ID.*\n(.*\n)*.*BOT_ID/);
  });

  it("refuses a manifest that breaks the schema with the schema's own message", async () => {
    editManifest((m) => {
      m.bots = [{ ...(m.bots as object[])[0], scopes: ['personal', 'teams'] }];
      m.accentColor = 'purple';
    });
    const problems = await problemsOf(build());
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/\/bots\/0\/scopes\/1 must be equal to one of the allowed values/),
        expect.stringMatching(/\/accentColor must match pattern/),
      ]),
    );
  });

  it('refuses a manifest whose $schema is not its manifestVersion’s schema', async () => {
    editManifest((m) => {
      m.$schema = 'https://developer.microsoft.com/json-schemas/teams/v1.17/MicrosoftTeams.schema.json';
    });
    expect(await problemsOf(build())).toEqual([
      '$schema must be https://developer.microsoft.com/json-schemas/teams/v1.30/MicrosoftTeams.schema.json (the schema of manifestVersion 1.30).',
    ]);
  });

  it('refuses an outline icon that is not white on transparent', async () => {
    writeFileSync(
      path.join(appPackageDir, 'outline.png'),
      png(32, (x) => (x < 16 ? [91, 95, 199, 255] : [0, 0, 0, 0])),
    );
    expect(await problemsOf(build())).toEqual([
      'outline.png has 512 visible pixels that are not white; an outline icon is white only.',
    ]);
  });
});

describe('icon checks', () => {
  it('accepts the committed icons', () => {
    expect(
      checkIcon(readFileSync(path.join(repo, 'appPackage/color.png')), { name: 'color.png', ...COLOR_ICON }),
    ).toEqual([]);
    expect(
      checkIcon(readFileSync(path.join(repo, 'appPackage/outline.png')), {
        name: 'outline.png',
        ...OUTLINE_ICON,
      }),
    ).toEqual([]);
  });

  it('names a colour icon of the wrong size', () => {
    expect(
      checkIcon(
        png(96, () => [91, 95, 199, 255]),
        { name: 'color.png', ...COLOR_ICON },
      ),
    ).toEqual(['color.png is 96×96; it must be 192×192 pixels.']);
  });

  it('names an outline icon with no transparent background, or with nothing visible', () => {
    const rule = { name: 'outline.png', ...OUTLINE_ICON };
    expect(
      checkIcon(
        png(32, () => [255, 255, 255, 255]),
        rule,
      ),
    ).toEqual(['outline.png has no transparent pixels; its background must be transparent.']);
    expect(
      checkIcon(
        png(32, () => [255, 255, 255, 0]),
        rule,
      ),
    ).toEqual(['outline.png is fully transparent; it must show the white outline.']);
  });

  it('accepts anti-aliased outline edges (white with partial alpha)', () => {
    expect(
      checkIcon(
        png(32, (x) => [255, 255, 255, x * 8]),
        { name: 'outline.png', ...OUTLINE_ICON },
      ),
    ).toEqual([]);
  });

  it('names a file that is not a PNG', () => {
    expect(checkIcon(Buffer.from('GIF89a'), { name: 'color.png', ...COLOR_ICON })).toEqual([
      expect.stringMatching(/^color\.png is not a readable PNG/),
    ]);
  });
});

describe('env files', () => {
  it('reads NAME=value lines, skips comments and strips quotes', () => {
    expect([...parseEnvFile('# c\nA=1\n\nB=" x "\nC=\nD=a=b\n')]).toEqual([
      ['A', '1'],
      ['B', ' x '],
      ['C', ''],
      ['D', 'a=b'],
    ]);
  });
});

describe('the command line', () => {
  it('exits 1 and names the unfilled placeholders', () => {
    const result = spawnSync(
      process.execPath,
      [require.resolve('tsx/cli'), 'scripts/package-app.ts', '--env', 'dev', '--out-dir', outDir],
      { cwd: repo, encoding: 'utf8' },
    );
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('${{TEAMS_APP_ID}} has no value: set TEAMS_APP_ID in env/.env.dev');
  }, 20_000);
});
