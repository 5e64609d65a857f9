// The Azure template and our config agree: every app setting infra/azure.bicep sets is one src/config.ts reads, every
// setting config reads is set by the template or listed below with the reason it is not, and what the template sets is
// a complete production configuration. Also: every ${{VAR}} the Toolkit files use is produced by some step.
import { readFileSync } from 'node:fs';
import path from 'node:path';

import { GRAPH_APPLICATION_PERMISSIONS } from '../../src/adapters/graph/graph-permissions';
import * as configModule from '../../src/config';
import { loadCheckInConfig, loadConfig, loadGraphConfig } from '../../src/config';

const repo = path.resolve(__dirname, '../..');
const read = (file: string) => readFileSync(path.join(repo, file), 'utf8');
const bicep = read('infra/azure.bicep');

/** Settings config reads that the template deliberately leaves out. Keep each reason true. */
const NOT_SET_IN_AZURE: Record<string, string> = {
  PORT: 'App Service sets PORT for the Node container itself.',
  DATA_DIR: 'PGlite only; Azure runs on PostgreSQL (DATABASE_URL).',
  DATABASE_POOL_SIZE:
    'the default (10 per instance) fits the B1ms server the template provisions; raise it by hand.',
  GRAPH_TOKEN_ENDPOINT:
    "local mode and tests only (the Graph sandbox's token endpoint); production uses Entra ID's.",
  BOT_OPENID_METADATA_URL:
    "tests and national clouds only; unset is the public cloud's Bot Framework metadata.",
  METRICS_TOKEN:
    'opt-in: unset, /metrics answers 404 in production; add it as a Key Vault reference to scrape metrics.',
};

/** Settings the template sets for App Service itself, not for our code. */
const PLATFORM_SETTINGS = new Set(['SCM_DO_BUILD_DURING_DEPLOYMENT', 'CUSTOM_BUILD_COMMAND']);

/**
 * The env names src/config.ts reads, found by running every `load*` reader of config.ts against an environment that
 * records each name asked for (zod reads every key of its schemas), so a setting added to config.ts is seen here.
 */
function namesConfigReads(): Set<string> {
  const asked = new Set<string>();
  const env = new Proxy({} as Record<string, string | undefined>, {
    get: (_target, key) => {
      if (typeof key === 'string') asked.add(key);
      return undefined;
    },
  });
  const local = loadConfig({});
  // Readers take (env) or (env, config); loadConfig's optional second parameter (cwd) is not counted in its length.
  for (const [name, reader] of Object.entries(configModule))
    if (name.startsWith('load') && typeof reader === 'function')
      (reader as (e: typeof env, c?: unknown) => unknown)(env, ...(reader.length >= 2 ? [local] : []));
  return asked;
}

/** name → value expression of the `appsettings` config resource's properties. */
function bicepAppSettings(): Map<string, string> {
  const block =
    /resource appSettings 'Microsoft\.Web\/sites\/config@[^']+' = \{[\s\S]*?\n {2}properties: \{\n([\s\S]*?)\n {2}\}\n\}/.exec(
      bicep,
    );
  if (!block?.[1]) throw new Error('infra/azure.bicep has no appsettings resource with a properties block');
  const settings = new Map<string, string>();
  for (const line of block[1].split('\n')) {
    const match = /^ {4}([A-Za-z_][A-Za-z0-9_]*): (.+)$/.exec(line);
    if (match?.[1] && match[2]) settings.set(match[1], match[2]);
  }
  return settings;
}

/** ${{VAR}}s no step writes: the admin sets them in env/.env.<env> (or .user) before provisioning. */
const SET_BY_ADMIN = [
  'APP_NAME_SUFFIX',
  'APP_WEBSITE_URL',
  'APP_PRIVACY_URL',
  'APP_TERMS_URL',
  'RESOURCE_SUFFIX',
  'AZURE_SUBSCRIPTION_ID',
  'AZURE_RESOURCE_GROUP_NAME',
  'SECRET_POSTGRES_ADMIN_PASSWORD',
];

const placeholders = (text: string) =>
  new Set([...text.matchAll(/\$\{\{\s*([A-Za-z_][A-Za-z0-9_]*)\s*\}\}/g)].map((m) => m[1]));

describe('infra/azure.bicep app settings and src/config.ts', () => {
  const configNames = namesConfigReads();
  const settings = bicepAppSettings();

  it('finds the settings on both sides', () => {
    expect([...configNames]).toEqual(
      expect.arrayContaining(['DATABASE_URL', 'MicrosoftAppId', 'UNINSTALL_GRACE_DAYS']),
    );
    expect([...settings.keys()]).toEqual(expect.arrayContaining(['DATABASE_URL', 'TAB_ENDPOINT']));
  });

  it('sets only settings config reads (plus App Service build settings)', () => {
    const unknown = [...settings.keys()].filter(
      (name) => !configNames.has(name) && !PLATFORM_SETTINGS.has(name),
    );
    expect(unknown).toEqual([]);
  });

  it('sets every setting config reads, except those listed with a reason', () => {
    const missing = [...configNames].filter((name) => !settings.has(name) && !(name in NOT_SET_IN_AZURE));
    expect(missing).toEqual([]);
    // The list stays honest: nothing in it is set after all, or no longer read.
    expect(
      Object.keys(NOT_SET_IN_AZURE).filter((name) => settings.has(name) || !configNames.has(name)),
    ).toEqual([]);
  });

  it('passes secrets only as Key Vault references', () => {
    for (const name of ['DATABASE_URL', 'MicrosoftAppPassword', 'AAD_APP_CLIENT_SECRET'])
      expect(settings.get(name)).toMatch(
        /^'@Microsoft\.KeyVault\(SecretUri=\$\{\w+\.properties\.secretUri\}\)'$/,
      );
  });

  it('makes a complete production configuration (SingleTenant bot, PostgreSQL, the public tab URL)', () => {
    // Literal values as written; expressions replaced by what Azure would resolve them to.
    const resolved: Record<string, string> = {
      DATABASE_URL:
        'postgres://charteradmin:p%40ss@charterabc123.postgres.database.azure.com:5432/teamcharter?sslmode=require',
      MicrosoftAppId: '1c2d3e4f-5a6b-4c7d-8e9f-0a1b2c3d4e5f',
      MicrosoftAppPassword: 'bot-secret',
      MicrosoftAppTenantId: '5f1c0c4e-2d7b-4b8a-9c3e-7a6d1e2f3a4b',
      AAD_APP_CLIENT_ID: '2d3e4f5a-6b7c-4d8e-9f0a-1b2c3d4e5f60',
      AAD_APP_CLIENT_SECRET: 'aad-secret',
      AAD_APP_TENANT_ID: '5f1c0c4e-2d7b-4b8a-9c3e-7a6d1e2f3a4b',
      AAD_APP_OAUTH_AUTHORITY_HOST: 'https://login.microsoftonline.com',
      GRAPH_BASE_URL: 'https://graph.microsoft.com/v1.0',
      TAB_ENDPOINT: 'https://charterabc123.azurewebsites.net',
      TEAMS_APP_ID: '0f8fad5b-d9cb-469f-a165-70867728950e',
      // empty until `teamsapp publish` wrote it and provisioning ran again
      TEAMS_APP_PUBLISHED_APP_ID: '',
      LOG_LEVEL: 'info',
      REVIEW_AGENDA_LEAD_HOURS: '24',
      UNINSTALL_GRACE_DAYS: '30',
    };
    const env: Record<string, string> = { PORT: '8080' };
    for (const [name, value] of settings) {
      if (PLATFORM_SETTINGS.has(name)) continue;
      const literal = /^'([^'$]*)'$/.exec(value)?.[1];
      const actual = literal ?? resolved[name];
      if (actual === undefined)
        throw new Error(`no sample value for the bicep expression of ${name}: ${value}`);
      env[name] = actual;
    }

    const config = loadConfig(env);
    expect(config.mode).toMatchObject({
      kind: 'production',
      bot: { appType: 'SingleTenant', appTenantId: '5f1c0c4e-2d7b-4b8a-9c3e-7a6d1e2f3a4b' },
      aad: { appIdUri: 'api://charterabc123.azurewebsites.net/2d3e4f5a-6b7c-4d8e-9f0a-1b2c3d4e5f60' },
      teamsAppId: '0f8fad5b-d9cb-469f-a165-70867728950e',
    });
    expect(config.storage.databaseUrl).toMatch(/^postgres:\/\//);
    expect(config).toMatchObject({ host: '0.0.0.0', port: 8080 });
    expect(loadGraphConfig(env, config)).toMatchObject({ sandbox: false, tokenEndpoint: null });
    expect(loadCheckInConfig(env).uninstallGraceMs).toBe(30 * 86_400_000);
  });
});

describe('the Toolkit files', () => {
  const teamsappYml = read('teamsapp.yml');
  const parameters = JSON.parse(read('infra/azure.parameters.json')) as {
    parameters: Record<string, unknown>;
  };

  it('pass every template parameter the bicep declares without a default, and no other', () => {
    const declared = [...bicep.matchAll(/^param (\w+) \w+( = .+)?$/gm)].map((m) => ({
      name: m[1] ?? '',
      required: m[2] === undefined,
    }));
    const passed = Object.keys(parameters.parameters);
    expect(passed.filter((p) => !declared.some((d) => d.name === p))).toEqual([]);
    expect(declared.filter((d) => d.required && !passed.includes(d.name)).map((d) => d.name)).toEqual([]);
  });

  it('use only ${{VAR}}s that a provisioning step writes or the admin sets in env/.env.<env>', () => {
    const written = new Set([
      ...[...bicep.matchAll(/^output (\w+) /gm)].map((m) => m[1]),
      ...[...teamsappYml.matchAll(/writeToEnvironmentFile:\n((?: {6}.*\n)+)/g)].flatMap((m) =>
        [...(m[1] ?? '').matchAll(/: ([A-Z][A-Z0-9_]+)$/gm)].map((n) => n[1]),
      ),
      'TEAMSFX_ENV', // the Toolkit's own
      'AAD_APP_ACCESS_AS_USER_PERMISSION_ID', // generated by aadApp/update when empty
    ]);
    const used = new Set([
      ...placeholders(teamsappYml),
      ...placeholders(read('infra/azure.parameters.json')),
      ...placeholders(read('aad.manifest.json')),
      ...placeholders(read('appPackage/manifest.json')),
    ]);
    const unexplained = [...used].filter(
      (name) => name && !written.has(name) && !SET_BY_ADMIN.includes(name),
    );
    expect(unexplained).toEqual([]);
    // The admin finds each of them in env/.env.dev (the secret: in a comment, it belongs in env/.env.dev.user).
    const envDev = read('env/.env.dev');
    expect(SET_BY_ADMIN.filter((name) => !envDev.includes(name))).toEqual([]);
    // Everything the manifest needs comes out of provisioning or env/.env.dev.
    expect([...placeholders(read('appPackage/manifest.json'))].sort()).toEqual(
      [
        'AAD_APP_CLIENT_ID',
        'APP_NAME_SUFFIX',
        'APP_PRIVACY_URL',
        'APP_TERMS_URL',
        'APP_WEBSITE_URL',
        'BOT_ID',
        'TAB_DOMAIN',
        'TAB_ENDPOINT',
        'TEAMS_APP_ID',
      ].sort(),
    );
  });
});

describe('the Entra app', () => {
  // Microsoft's list of the clients that run a Teams app's tabs with SSO (Teams, the Microsoft 365 app, Outlook on
  // every platform): each must be pre-authorized for `access_as_user`, or SSO in that host needs a consent prompt.
  const TAB_HOST_CLIENTS = {
    'Teams desktop and mobile': '1fec8e78-bce4-4aaf-ab1b-5451cc387264',
    'Teams web': '5e3ce6c0-2b1f-4285-8d4b-75ee78787346',
    'Microsoft 365 web (1)': '4345a7b9-9a63-4910-a426-35363201d503',
    'Microsoft 365 web (2)': '4765445b-32c6-49b0-83e6-1d93765276ca',
    'Microsoft 365 desktop': '0ec893e0-5785-4de6-99da-4ed124e5296c',
    'Microsoft 365 mobile, Outlook desktop': 'd3590ed6-52b3-4102-aeff-aad2292ab01c',
    'Outlook web (1)': '00000002-0000-0ff1-ce00-000000000000',
    'Outlook web (2)': 'bc59ab01-8403-45c6-8796-ac3ef710b3e3',
    'Outlook mobile': '27922004-5251-4030-b22d-91ecd9a37ea4',
  };

  it('pre-authorizes every Teams, Microsoft 365 and Outlook client for access_as_user', () => {
    const manifest = JSON.parse(read('aad.manifest.json')) as {
      preAuthorizedApplications: { appId: string; permissionIds: string[] }[];
    };
    const authorized = new Map(manifest.preAuthorizedApplications.map((a) => [a.appId, a.permissionIds]));
    for (const [client, appId] of Object.entries(TAB_HOST_CLIENTS))
      expect([client, authorized.get(appId)]).toEqual([
        client,
        ['${{AAD_APP_ACCESS_AS_USER_PERMISSION_ID}}'],
      ]);
    expect(authorized.size).toBe(Object.keys(TAB_HOST_CLIENTS).length);
  });

  it('asks for exactly the Microsoft Graph application permissions the app calls Graph with, and no delegated one', () => {
    const manifest = JSON.parse(read('aad.manifest.json')) as {
      requiredResourceAccess: { resourceAppId: string; resourceAccess: { id: string; type: string }[] }[];
    };
    const graph = manifest.requiredResourceAccess.filter((r) => r.resourceAppId === 'Microsoft Graph');
    expect(graph).toHaveLength(1);
    const access = graph[0]?.resourceAccess ?? [];
    expect(access.filter((a) => a.type !== 'Role')).toEqual([]);
    expect(access.map((a) => a.id).sort()).toEqual(Object.keys(GRAPH_APPLICATION_PERMISSIONS).sort());
  });
});
