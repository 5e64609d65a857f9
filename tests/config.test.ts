import path from 'node:path';

import { ConfigError, loadCheckInConfig, loadConfig, LOCAL_TENANT_ID } from '../src/config';

const production = {
  MicrosoftAppId: 'bot-app-id',
  MicrosoftAppPassword: 'bot-secret',
  AAD_APP_CLIENT_ID: '11111111-2222-3333-4444-555555555555',
  AAD_APP_CLIENT_SECRET: 'aad-secret',
  AAD_APP_TENANT_ID: '66666666-7777-8888-9999-000000000000',
  TAB_ENDPOINT: 'https://charter.contoso.example',
  TEAMS_APP_ID: '0f8fad5b-d9cb-469f-a165-70867728950e',
};

describe('loadConfig', () => {
  it('runs in local mode on loopback with PGlite in ./.data when nothing is set', () => {
    const config = loadConfig({}, '/srv/app');
    expect(config).toEqual({
      port: 3978,
      host: '127.0.0.1',
      logLevel: 'info',
      storage: { databaseUrl: null, dataDir: path.resolve('/srv/app', '.data'), poolSize: 10 },
      tabEndpoint: 'http://localhost:3978',
      mode: { kind: 'local', tenantId: LOCAL_TENANT_ID },
    });
  });

  it('treats blank values (as Toolkit env files leave them) as unset', () => {
    expect(loadConfig({ MicrosoftAppId: '', AAD_APP_CLIENT_ID: '  ', PORT: '' }).mode.kind).toBe('local');
  });

  it('turns local mode off entirely once every production setting is set', () => {
    const config = loadConfig({ ...production, DATABASE_URL: 'postgres://app@db/charter' });
    expect(config.host).toBe('0.0.0.0');
    expect(config.storage.databaseUrl).toBe('postgres://app@db/charter');
    expect(config.mode).toEqual({
      kind: 'production',
      bot: {
        appId: 'bot-app-id',
        appPassword: 'bot-secret',
        appTenantId: null,
        appType: 'MultiTenant',
        openIdMetadataUrl: null,
      },
      aad: {
        clientId: production.AAD_APP_CLIENT_ID,
        clientSecret: 'aad-secret',
        tenantId: production.AAD_APP_TENANT_ID,
        authorityHost: 'https://login.microsoftonline.com',
        appIdUri: `api://charter.contoso.example/${production.AAD_APP_CLIENT_ID}`,
      },
      graphBaseUrl: 'https://graph.microsoft.com/v1.0',
      teamsAppId: production.TEAMS_APP_ID,
    });
  });

  it('needs the Teams app id outside local mode, and links by the org catalog’s id once the app is published there', () => {
    expect(() => loadConfig({ ...production, TEAMS_APP_ID: undefined })).toThrow(/TEAMS_APP_ID is missing/);
    expect(() => loadConfig({ ...production, TEAMS_APP_ID: ' ' })).toThrow(/TEAMS_APP_ID is missing/);
    expect(() => loadConfig({ ...production, TEAMS_APP_ID: 'team-charter' })).toThrow(
      /TEAMS_APP_ID must be a GUID/,
    );
    const catalogId = 'a7c3b8e2-94d1-4f6a-b0c5-2e8d7f1a3b4c';
    const published = loadConfig({ ...production, TEAMS_APP_PUBLISHED_APP_ID: catalogId });
    expect(published.mode.kind === 'production' && published.mode.teamsAppId).toBe(catalogId);
    const notYet = loadConfig({ ...production, TEAMS_APP_PUBLISHED_APP_ID: '' });
    expect(notYet.mode.kind === 'production' && notYet.mode.teamsAppId).toBe(production.TEAMS_APP_ID);
    // Local mode links to the local tab: no app id needed.
    expect(loadConfig({}).mode.kind).toBe('local');
  });

  it('refuses a half-set configuration and names every missing setting', () => {
    expect(() => loadConfig({ MicrosoftAppId: 'x' })).toThrow(ConfigError);
    expect(() => loadConfig({ MicrosoftAppId: 'x' })).toThrow(
      /MicrosoftAppPassword|AAD_APP_CLIENT_ID, AAD_APP_CLIENT_SECRET, AAD_APP_TENANT_ID, MicrosoftAppPassword are missing/,
    );
    expect(() => loadConfig({ ...production, AAD_APP_CLIENT_SECRET: undefined })).toThrow(
      /AAD_APP_CLIENT_SECRET is missing\. .*turns local mode off/,
    );
  });

  it('takes the Bot Framework OpenID metadata URL from BOT_OPENID_METADATA_URL (sovereign clouds, tests)', () => {
    const url = 'https://login.botframework.azure.us/v1/.well-known/openidconfiguration';
    const config = loadConfig({ ...production, BOT_OPENID_METADATA_URL: url });
    expect(config.mode.kind === 'production' && config.mode.bot.openIdMetadataUrl).toBe(url);
    expect(() => loadConfig({ ...production, BOT_OPENID_METADATA_URL: 'ldap://x' })).toThrow(
      /BOT_OPENID_METADATA_URL must be an https URL/,
    );
  });

  it('needs the bot tenant for a single-tenant bot', () => {
    expect(() => loadConfig({ ...production, MicrosoftAppType: 'SingleTenant' })).toThrow(
      /MicrosoftAppTenantId is missing/,
    );
  });

  it('names each malformed setting', () => {
    try {
      loadConfig({ PORT: 'eighty', LOG_LEVEL: 'loud', DATABASE_URL: 'mysql://x' });
      throw new Error('expected a ConfigError');
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      const text = (error as ConfigError).problems.join('\n');
      expect(text).toMatch(/PORT/);
      expect(text).toMatch(/LOG_LEVEL must be one of/);
      expect(text).toMatch(/DATABASE_URL must be a postgres/);
    }
  });
});

describe('loadCheckInConfig', () => {
  it('keeps an uninstalled team for 30 days unless UNINSTALL_GRACE_DAYS says otherwise (0: delete at once)', () => {
    expect(loadCheckInConfig({}).uninstallGraceMs).toBe(30 * 86_400_000);
    expect(loadCheckInConfig({ UNINSTALL_GRACE_DAYS: '' }).uninstallGraceMs).toBe(30 * 86_400_000);
    expect(loadCheckInConfig({ UNINSTALL_GRACE_DAYS: '7' }).uninstallGraceMs).toBe(7 * 86_400_000);
    expect(loadCheckInConfig({ UNINSTALL_GRACE_DAYS: '0' }).uninstallGraceMs).toBe(0);
  });

  it('refuses a grace period that is not a whole number of days from 0 to 365', () => {
    for (const bad of ['-1', '1.5', '366', 'a month'])
      expect(() => loadCheckInConfig({ UNINSTALL_GRACE_DAYS: bad })).toThrow(/UNINSTALL_GRACE_DAYS/);
  });
});
