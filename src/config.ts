/**
 * The environment, parsed once into a typed Config. This is the only reader of `process.env` (main.ts passes it in).
 * Local mode is on when no production credential is set; setting any of them requires all of them.
 */
import path from 'node:path';

import { z } from 'zod';

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export const BOT_APP_TYPES = ['MultiTenant', 'SingleTenant', 'UserAssignedMSI'] as const;

/** The tenant local mode runs as (the seeded demo team's tenant). */
export const LOCAL_TENANT_ID = '5f1c0c4e-2d7b-4b8a-9c3e-7a6d1e2f3a4b';

const PRODUCTION_SETTINGS = [
  'MicrosoftAppId',
  'MicrosoftAppPassword',
  'MicrosoftAppTenantId',
  'AAD_APP_CLIENT_ID',
  'AAD_APP_CLIENT_SECRET',
  'AAD_APP_TENANT_ID',
] as const;

const blankIsUnset = (value: unknown): unknown =>
  typeof value === 'string' && value.trim() === '' ? undefined : value;
const optionalText = z.preprocess(blankIsUnset, z.string().trim().optional());
const httpUrl = (name: string) =>
  z.preprocess(
    blankIsUnset,
    z
      .url({ protocol: /^https?$/, error: `${name} must be an http(s) URL.` })
      .transform((u) => u.replace(/\/+$/, ''))
      .optional(),
  );

/** Loopback hosts, where plain http stays on the machine (the sandboxes and fakes tests run). */
const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]', '::1']);

/**
 * An https URL (http only on a loopback host): tokens, secrets or signing keys travel to it. `origin`: the URL must be
 * just scheme, host and port, as the Entra authority host is (msal and our verifier add the tenant path to it).
 */
const secureUrl = (name: string, example: string, options: { origin?: boolean } = {}) =>
  z.preprocess(
    blankIsUnset,
    z
      .string()
      .trim()
      .transform((value, ctx) => {
        const bad = (why: string, shown: string | null = value) => {
          const it = shown === null ? '' : ` (it is "${shown}")`;
          ctx.addIssue({ code: 'custom', message: `${name} ${why}${it}, e.g. ${example}.` });
          return z.NEVER;
        };
        let url: URL;
        try {
          url = new URL(value);
        } catch {
          return bad('is not a URL');
        }
        const loopback = LOOPBACK_HOSTS.has(url.hostname);
        if (url.protocol !== 'https:' && !(url.protocol === 'http:' && loopback))
          return bad('must be an https URL (plain http only on 127.0.0.1, localhost or ::1)');
        if (url.username || url.password) return bad('must not carry a user name or password', null);
        if (options.origin && (url.pathname !== '/' || url.search || url.hash))
          return bad('must be only the scheme and host, without a path, query or fragment');
        return options.origin ? url.origin : value.replace(/\/+$/, '');
      })
      .optional(),
  );

/** A directory (tenant) id: a GUID or a verified domain name; it becomes a path segment of the authority URL. */
const TENANT_ID =
  /^(?:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63})$/i;

/** A Teams app id (the manifest's `id`, or the org catalog's id for the app): a GUID. */
const teamsAppId = (name: string) =>
  z.preprocess(
    blankIsUnset,
    z
      .string()
      .trim()
      .regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i, `${name} must be a GUID.`)
      .optional(),
  );

const EnvSchema = z.object({
  PORT: z.preprocess(
    blankIsUnset,
    z.coerce.number({ error: 'PORT must be a number.' }).int().min(1).max(65535).default(3978),
  ),
  DATABASE_URL: z.preprocess(
    blankIsUnset,
    z
      .string()
      .regex(/^postgres(ql)?:\/\//, 'DATABASE_URL must be a postgres:// connection string.')
      .optional(),
  ),
  DATABASE_POOL_SIZE: z.preprocess(
    blankIsUnset,
    z.coerce
      .number({ error: 'DATABASE_POOL_SIZE must be a number.' })
      .int()
      .min(1, 'DATABASE_POOL_SIZE must be at least 1.')
      .max(200, 'DATABASE_POOL_SIZE must be at most 200.')
      .default(10),
  ),
  DATA_DIR: z.preprocess(blankIsUnset, z.string().default('./.data')),
  MicrosoftAppId: optionalText,
  MicrosoftAppPassword: optionalText,
  MicrosoftAppTenantId: optionalText,
  MicrosoftAppType: z.preprocess(
    blankIsUnset,
    z
      .enum(BOT_APP_TYPES, { error: `MicrosoftAppType must be one of ${BOT_APP_TYPES.join(', ')}.` })
      .optional(),
  ),
  AAD_APP_CLIENT_ID: optionalText,
  AAD_APP_CLIENT_SECRET: optionalText,
  AAD_APP_TENANT_ID: z.preprocess(
    blankIsUnset,
    z
      .string()
      .trim()
      .regex(
        TENANT_ID,
        'AAD_APP_TENANT_ID must be the directory (tenant) id, a GUID, or its domain, e.g. contoso.onmicrosoft.com.',
      )
      .optional(),
  ),
  AAD_APP_OAUTH_AUTHORITY_HOST: secureUrl(
    'AAD_APP_OAUTH_AUTHORITY_HOST',
    'https://login.microsoftonline.com',
    { origin: true },
  ),
  GRAPH_BASE_URL: secureUrl('GRAPH_BASE_URL', 'https://graph.microsoft.com/v1.0'),
  TAB_ENDPOINT: httpUrl('TAB_ENDPOINT'),
  BOT_OPENID_METADATA_URL: secureUrl(
    'BOT_OPENID_METADATA_URL',
    'https://login.botframework.com/v1/.well-known/openidconfiguration',
  ),
  TEAMS_APP_ID: teamsAppId('TEAMS_APP_ID'),
  TEAMS_APP_PUBLISHED_APP_ID: teamsAppId('TEAMS_APP_PUBLISHED_APP_ID'),
  LOG_LEVEL: z.preprocess(
    blankIsUnset,
    z.enum(LOG_LEVELS, { error: `LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')}.` }).default('info'),
  ),
  METRICS_TOKEN: z.preprocess(
    blankIsUnset,
    z
      .string()
      .min(16, 'METRICS_TOKEN must be at least 16 characters.')
      .regex(/^[\x21-\x7e]+$/, 'METRICS_TOKEN must be printable ASCII without spaces.')
      .optional(),
  ),
});

export interface LocalMode {
  kind: 'local';
  /** The tenant every local caller belongs to. */
  tenantId: string;
}

export interface ProductionMode {
  kind: 'production';
  bot: {
    appId: string;
    appPassword: string | null;
    appTenantId: string | null;
    appType: (typeof BOT_APP_TYPES)[number];
    /** `BOT_OPENID_METADATA_URL`: where inbound Bot Framework tokens' keys are published; null = the public cloud. */
    openIdMetadataUrl: string | null;
  };
  aad: {
    clientId: string;
    clientSecret: string;
    tenantId: string;
    authorityHost: string;
    /** `api://<tab host>/<client id>`: the audience Teams SSO tokens may carry besides the client id. */
    appIdUri: string;
  };
  graphBaseUrl: string;
  /**
   * The id Teams knows the app by, for the links the bot sends (Teams deep links): `TEAMS_APP_PUBLISHED_APP_ID`, the
   * org catalog's id, once the app is published there (deep links name a catalog app by that id), else the manifest
   * id `TEAMS_APP_ID`.
   */
  teamsAppId: string;
}

export interface Config {
  port: number;
  /** Local mode binds to loopback only. */
  host: string;
  logLevel: (typeof LOG_LEVELS)[number];
  /** `poolSize`: PostgreSQL connections each instance keeps at most (`DATABASE_POOL_SIZE`). */
  storage: { databaseUrl: string | null; dataDir: string; poolSize: number };
  tabEndpoint: string;
  mode: LocalMode | ProductionMode;
  /**
   * The bearer token `/metrics` requires (`METRICS_TOKEN`). Unset: `/metrics` is open in local mode (loopback only)
   * and answers 404 otherwise.
   */
  metricsToken?: string;
}

/** Every setting that is wrong, in one line (what `main` prints before exiting 78, EX_CONFIG). */
export class ConfigError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(`Configuration is not valid: ${problems.map((p) => p.replace(/\s*\n\s*/g, ' ')).join('; ')}`);
    this.name = 'ConfigError';
  }
}

/** Each issue as one sentence that starts with the setting's name (prefixed only when the message lacks it). */
function problemsOf(error: z.ZodError): string[] {
  return error.issues.map((i) => {
    const name = i.path.join('.');
    return i.message.startsWith(name) ? i.message : `${name}: ${i.message}`;
  });
}

/** Parses the environment; throws `ConfigError` naming every setting that is wrong or missing. */
export function loadConfig(env: Readonly<Record<string, string | undefined>>, cwd = process.cwd()): Config {
  const parsed = EnvSchema.safeParse(env);
  if (!parsed.success) throw new ConfigError(problemsOf(parsed.error));
  const e = parsed.data;

  const base = {
    port: e.PORT,
    logLevel: e.LOG_LEVEL,
    storage: {
      databaseUrl: e.DATABASE_URL ?? null,
      dataDir: path.resolve(cwd, e.DATA_DIR),
      poolSize: e.DATABASE_POOL_SIZE,
    },
    tabEndpoint: e.TAB_ENDPOINT ?? `http://localhost:${e.PORT}`,
    ...(e.METRICS_TOKEN ? { metricsToken: e.METRICS_TOKEN } : {}),
  };

  const set = PRODUCTION_SETTINGS.filter((name) => e[name] !== undefined);
  if (set.length === 0) {
    return { ...base, host: '127.0.0.1', mode: { kind: 'local', tenantId: LOCAL_TENANT_ID } };
  }

  const appType = e.MicrosoftAppType ?? 'MultiTenant';
  const required: (typeof PRODUCTION_SETTINGS)[number][] = [
    'MicrosoftAppId',
    'AAD_APP_CLIENT_ID',
    'AAD_APP_CLIENT_SECRET',
    'AAD_APP_TENANT_ID',
  ];
  if (appType !== 'UserAssignedMSI') required.push('MicrosoftAppPassword');
  if (appType !== 'MultiTenant') required.push('MicrosoftAppTenantId');
  const missing = required.filter((name) => e[name] === undefined);
  if (missing.length > 0)
    throw new ConfigError([
      `${missing.join(', ')} ${missing.length === 1 ? 'is' : 'are'} missing. ${set.join(', ')} ${set.length === 1 ? 'is' : 'are'} set, which turns local mode off; set every production setting, or unset them all to run in local mode.`,
    ]);
  if (!e.TAB_ENDPOINT)
    throw new ConfigError(['TAB_ENDPOINT is missing: production needs the public https URL of the tab.']);
  if (!e.TEAMS_APP_ID)
    throw new ConfigError([
      "TEAMS_APP_ID is missing: production needs the Teams app's id (the manifest id provisioning writes) for the links the bot sends.",
    ]);

  const clientId = e.AAD_APP_CLIENT_ID as string;
  return {
    ...base,
    host: '0.0.0.0',
    mode: {
      kind: 'production',
      bot: {
        appId: e.MicrosoftAppId as string,
        appPassword: e.MicrosoftAppPassword ?? null,
        appTenantId: e.MicrosoftAppTenantId ?? null,
        appType,
        openIdMetadataUrl: e.BOT_OPENID_METADATA_URL ?? null,
      },
      aad: {
        clientId,
        clientSecret: e.AAD_APP_CLIENT_SECRET as string,
        tenantId: e.AAD_APP_TENANT_ID as string,
        authorityHost: e.AAD_APP_OAUTH_AUTHORITY_HOST ?? 'https://login.microsoftonline.com',
        appIdUri: `api://${new URL(e.TAB_ENDPOINT).host}/${clientId}`,
      },
      graphBaseUrl: e.GRAPH_BASE_URL ?? 'https://graph.microsoft.com/v1.0',
      teamsAppId: e.TEAMS_APP_PUBLISHED_APP_ID ?? e.TEAMS_APP_ID,
    },
  };
}

// ---------------------------------------------------------------------------------------------------------------
// Microsoft Graph for review booking. A separate reader so `Config` keeps its shape for the other features.

export interface GraphConfig {
  /**
   * e.g. `https://graph.microsoft.com/v1.0`. In local mode, by default, the in-process sandbox: a path on the app's own
   * address (`/sandbox/graph/v1.0`), which is known once the server has bound its port.
   */
  baseUrl: string;
  clientId: string;
  clientSecret: string;
  tenantId: string;
  authorityHost: string;
  /**
   * A local token endpoint for msal (`authorityMetadata`); null = Entra ID's own. In local mode, by default, the
   * sandbox's: a path on the app's own address, like `baseUrl`.
   */
  tokenEndpoint: string | null;
  /** Whether the Graph sandbox is mounted in this process (local mode). */
  sandbox: boolean;
  /** How long before each review its agenda is written (`REVIEW_AGENDA_LEAD_HOURS`, default 24). */
  agendaLeadMs: number;
  /** The app in the booked review meeting: its manifest id, its org catalog id when known, and the tab's address. */
  meetingApp: { manifestId: string; catalogAppId: string | null; tabEndpoint: string };
}

/**
 * Local mode's manifest id (no Teams app is provisioned there): the Graph sandbox's catalog holds the app under it.
 * `TEAMS_APP_ID` overrides it.
 */
export const LOCAL_TEAMS_APP_ID = '6f1c2b3a-4d5e-4f60-8a7b-9c0d1e2f3a4b';

const GraphEnvSchema = z.object({
  GRAPH_TOKEN_ENDPOINT: secureUrl(
    'GRAPH_TOKEN_ENDPOINT',
    'https://login.microsoftonline.com/<tenant>/oauth2/v2.0/token',
  ),
  REVIEW_AGENDA_LEAD_HOURS: z.preprocess(
    blankIsUnset,
    z.coerce
      .number({ error: 'REVIEW_AGENDA_LEAD_HOURS must be a number of hours.' })
      .min(0, 'REVIEW_AGENDA_LEAD_HOURS must be 0 to 336 hours.')
      .max(336, 'REVIEW_AGENDA_LEAD_HOURS must be 0 to 336 hours.')
      .default(24),
  ),
});

/** The Graph settings for `config`: in local mode the in-process sandbox and its token endpoint. */
export function loadGraphConfig(
  env: Readonly<Record<string, string | undefined>>,
  config: Config,
): GraphConfig {
  const parsed = GraphEnvSchema.safeParse(env);
  if (!parsed.success) throw new ConfigError(problemsOf(parsed.error));
  const agendaLeadMs = parsed.data.REVIEW_AGENDA_LEAD_HOURS * 3_600_000;
  const ids = EnvSchema.pick({ TEAMS_APP_ID: true, TEAMS_APP_PUBLISHED_APP_ID: true }).parse(env);
  const meetingApp = {
    manifestId: ids.TEAMS_APP_ID ?? LOCAL_TEAMS_APP_ID,
    catalogAppId: ids.TEAMS_APP_PUBLISHED_APP_ID ?? null,
    tabEndpoint: config.tabEndpoint,
  };
  if (config.mode.kind === 'production') {
    const { aad } = config.mode;
    return {
      baseUrl: config.mode.graphBaseUrl,
      clientId: aad.clientId,
      clientSecret: aad.clientSecret,
      tenantId: aad.tenantId,
      authorityHost: aad.authorityHost,
      tokenEndpoint: parsed.data.GRAPH_TOKEN_ENDPOINT ?? null,
      sandbox: false,
      agendaLeadMs,
      meetingApp,
    };
  }
  const tenantId = config.mode.tenantId;
  return {
    baseUrl: EnvSchema.shape.GRAPH_BASE_URL.parse(env.GRAPH_BASE_URL) ?? '/sandbox/graph/v1.0',
    clientId: 'local-team-charter',
    clientSecret: 'local-sandbox-secret',
    tenantId,
    authorityHost: 'https://login.microsoftonline.com',
    // msal-node rewrites the first path segment of a metadata endpoint to the tenant, so the sandbox's token endpoint
    // sits at /{tenant}/oauth2/v2.0/token on the app's root.
    tokenEndpoint: parsed.data.GRAPH_TOKEN_ENDPOINT ?? `/${tenantId}/oauth2/v2.0/token`,
    sandbox: true,
    agendaLeadMs,
    meetingApp,
  };
}

// ---------------------------------------------------------------------------------------------------------------
// Check-ins and installs. A separate reader, like Graph's, so `Config` keeps its shape.

export interface CheckInConfig {
  /** How long after an uninstall the team's data is deleted (`UNINSTALL_GRACE_DAYS`, default 30; 0 = at once). */
  uninstallGraceMs: number;
}

const CheckInEnvSchema = z.object({
  UNINSTALL_GRACE_DAYS: z.preprocess(
    blankIsUnset,
    z.coerce
      .number({ error: 'UNINSTALL_GRACE_DAYS must be a number of days.' })
      .int('UNINSTALL_GRACE_DAYS must be a whole number of days.')
      .min(0, 'UNINSTALL_GRACE_DAYS must be 0 to 365 days.')
      .max(365, 'UNINSTALL_GRACE_DAYS must be 0 to 365 days.')
      .default(30),
  ),
});

export function loadCheckInConfig(env: Readonly<Record<string, string | undefined>>): CheckInConfig {
  const parsed = CheckInEnvSchema.safeParse(env);
  if (!parsed.success) throw new ConfigError(problemsOf(parsed.error));
  return { uninstallGraceMs: parsed.data.UNINSTALL_GRACE_DAYS * 86_400_000 };
}
