/** Every setting production mode requires, valid: a test breaks one at a time. */
export const PRODUCTION_SETTINGS = {
  MicrosoftAppId: '9a8b7c6d-5e4f-4a3b-9c2d-1e0f9a8b7c6d',
  MicrosoftAppPassword: 'bot-secret',
  AAD_APP_CLIENT_ID: '11111111-2222-4333-8444-555555555555',
  AAD_APP_CLIENT_SECRET: 'aad-secret',
  AAD_APP_TENANT_ID: '66666666-7777-4888-9999-000000000000',
  TAB_ENDPOINT: 'https://charter.contoso.example',
  TEAMS_APP_ID: '2d3e4f5a-6b7c-4d8e-9f0a-1b2c3d4e5f60',
} as const;
