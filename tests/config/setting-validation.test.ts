// The settings that say where tokens, secrets and signing keys go are checked when the environment is read: https
// (plain http only on loopback, where tests run their fakes), the Entra authority as a bare origin, the tenant id a
// GUID or domain. Every problem comes back as one line naming the setting, which main prints before exiting 78.
import { ConfigError, loadConfig, loadGraphConfig } from '../../src/config';
import { PRODUCTION_SETTINGS } from '../support/production-settings';

const PRODUCTION = PRODUCTION_SETTINGS;

function problemOf(load: () => unknown): string {
  try {
    load();
  } catch (error) {
    if (error instanceof ConfigError) return error.message;
    throw error;
  }
  throw new Error('expected a ConfigError');
}

function authorityOf(value: string): string | undefined {
  const config = loadConfig({ ...PRODUCTION, AAD_APP_OAUTH_AUTHORITY_HOST: value });
  return config.mode.kind === 'production' ? config.mode.aad.authorityHost : undefined;
}

describe('AAD_APP_OAUTH_AUTHORITY_HOST', () => {
  it.each([
    [
      'http://login.microsoftonline.com',
      /must be an https URL \(plain http only on 127\.0\.0\.1, localhost or ::1\)/,
    ],
    ['ftp://login.microsoftonline.com', /must be an https URL/],
    ['https://login.microsoftonline.com/common', /must be only the scheme and host, without a path/],
    ['https://login.microsoftonline.com/?x=1', /without a path, query or fragment/],
    ['login.microsoftonline.com', /is not a URL \(it is "login\.microsoftonline\.com"\)/],
    ['https://login microsoftonline.com', /is not a URL/],
  ])('refuses %s in one line naming the setting', (value, why) => {
    const message = problemOf(() => loadConfig({ ...PRODUCTION, AAD_APP_OAUTH_AUTHORITY_HOST: value }));
    expect(message).toMatch(/^Configuration is not valid: AAD_APP_OAUTH_AUTHORITY_HOST /);
    expect(message).toMatch(why);
    expect(message).not.toMatch(/\n/);
  });

  it('never repeats a user name or password it was given', () => {
    const message = problemOf(() =>
      loadConfig({
        ...PRODUCTION,
        AAD_APP_OAUTH_AUTHORITY_HOST: 'https://admin:hunter2@login.microsoftonline.com',
      }),
    );
    expect(message).toMatch(/AAD_APP_OAUTH_AUTHORITY_HOST must not carry a user name or password/);
    expect(message).not.toMatch(/hunter2/);
  });

  it('takes an https origin, and plain http on a loopback host (the fakes tests run)', () => {
    expect(authorityOf('https://login.microsoftonline.us/')).toBe('https://login.microsoftonline.us');
    expect(authorityOf('http://127.0.0.1:4100')).toBe('http://127.0.0.1:4100');
    expect(authorityOf('http://localhost:4100')).toBe('http://localhost:4100');
    expect(authorityOf('http://[::1]:4100')).toBe('http://[::1]:4100');
  });
});

describe('the other URLs secrets and keys travel to', () => {
  it('refuses plain http off this machine for Graph, its token endpoint and the Bot Framework keys', () => {
    expect(
      problemOf(() => loadConfig({ ...PRODUCTION, GRAPH_BASE_URL: 'http://graph.contoso.example/v1.0' })),
    ).toMatch(/GRAPH_BASE_URL must be an https URL/);
    expect(
      problemOf(() =>
        loadConfig({ ...PRODUCTION, BOT_OPENID_METADATA_URL: 'http://login.botframework.com/x' }),
      ),
    ).toMatch(/BOT_OPENID_METADATA_URL must be an https URL/);
    expect(
      problemOf(() =>
        loadGraphConfig({ GRAPH_TOKEN_ENDPOINT: 'http://login.contoso.example/token' }, loadConfig({})),
      ),
    ).toMatch(/^Configuration is not valid: GRAPH_TOKEN_ENDPOINT must be an https URL/);
  });

  it('keeps the loopback sandboxes working', () => {
    const sandbox = 'http://127.0.0.1:4200';
    const local = loadConfig({ GRAPH_BASE_URL: `${sandbox}/v1.0` });
    const graph = loadGraphConfig(
      { GRAPH_BASE_URL: `${sandbox}/v1.0`, GRAPH_TOKEN_ENDPOINT: `${sandbox}/t/oauth2/v2.0/token` },
      local,
    );
    expect(graph).toMatchObject({
      baseUrl: `${sandbox}/v1.0`,
      tokenEndpoint: `${sandbox}/t/oauth2/v2.0/token`,
    });
  });
});

describe('AAD_APP_TENANT_ID', () => {
  it('takes a GUID or a domain, and refuses anything that would change the authority’s path', () => {
    for (const good of ['66666666-7777-4888-9999-000000000000', 'contoso.onmicrosoft.com'])
      expect(() => loadConfig({ ...PRODUCTION, AAD_APP_TENANT_ID: good })).not.toThrow();
    for (const bad of ['contoso/common', 'common?x', 'contoso'])
      expect(problemOf(() => loadConfig({ ...PRODUCTION, AAD_APP_TENANT_ID: bad }))).toMatch(
        /^Configuration is not valid: AAD_APP_TENANT_ID must be the directory \(tenant\) id/,
      );
  });
});

it('puts every problem on one line, each naming its setting', () => {
  const message = problemOf(() =>
    loadConfig({
      ...PRODUCTION,
      PORT: 'eighty',
      AAD_APP_OAUTH_AUTHORITY_HOST: 'http://login.contoso.example',
    }),
  );
  expect(message).not.toMatch(/\n/);
  expect(message).toMatch(/PORT must be a number\.; AAD_APP_OAUTH_AUTHORITY_HOST must be an https URL/);
});

describe('DATABASE_POOL_SIZE', () => {
  it('keeps 10 connections per instance unless set, and takes a whole number from 1 to 200', () => {
    expect(loadConfig({}).storage.poolSize).toBe(10);
    expect(loadConfig({ DATABASE_POOL_SIZE: '20' }).storage.poolSize).toBe(20);
    expect(problemOf(() => loadConfig({ DATABASE_POOL_SIZE: 'many' }))).toMatch(
      /DATABASE_POOL_SIZE must be a number\./,
    );
    expect(problemOf(() => loadConfig({ DATABASE_POOL_SIZE: '0' }))).toMatch(
      /DATABASE_POOL_SIZE must be at least 1\./,
    );
    expect(problemOf(() => loadConfig({ DATABASE_POOL_SIZE: '500' }))).toMatch(
      /DATABASE_POOL_SIZE must be at most 200\./,
    );
  });
});
