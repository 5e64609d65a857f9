// Every try of a Bot Connector call goes through the limiter: botframework-connector's own pipeline retries (which
// would resend 429s and 5xx inside one call, past the tenant's budget) are taken out, and a 429 holds the tenant back.
import { BotConnectorMessenger } from '../../../src/adapters/bot/bot-connector-messenger';
import { botAuthentication } from '../../../src/adapters/bot/create-bot';
import { BotConnectorSandbox } from '../../../src/sandbox/bot-connector/bot-connector-sandbox';
import { sandboxTeam } from '../../support/bot-harness';
import { nth } from '../../support/nth';

let sandbox: BotConnectorSandbox;
let connector: { url: string; close(): Promise<void> };
beforeAll(async () => {
  sandbox = new BotConnectorSandbox();
  connector = await sandbox.listen();
});
afterAll(() => connector.close());

function messenger(maxTries: number): BotConnectorMessenger {
  return new BotConnectorMessenger({
    auth: botAuthentication(null),
    botAppId: '',
    maxTries,
    backoffBaseMs: 10,
  });
}

it('sends one request per try: the connector client does not retry a 503 or a 429 by itself', async () => {
  const team = sandboxTeam(1);
  sandbox.addTeam(team);
  const target = { serviceUrl: connector.url, tenantId: team.tenantId };
  const member = nth(team.members, 0).id;
  // One failure each, and one try allowed: a client that retried by itself would succeed on its second request.
  for (const fault of [
    { status: 503, retryAfterSeconds: undefined },
    { status: 429, retryAfterSeconds: 0 },
  ] as const) {
    const before = sandbox.count(fault.status);
    sandbox.injectFault({ ...fault, times: 1, operations: ['create'] });
    await expect(messenger(1).createPersonalConversation(target, member)).rejects.toMatchObject({
      name: 'UpstreamError',
      retryable: true,
    });
    expect(sandbox.count(fault.status) - before).toBe(1);
  }
});

it('waits out a 429’s Retry-After before the same tenant’s next request, then succeeds', async () => {
  const team = sandboxTeam(1);
  sandbox.addTeam(team);
  const target = { serviceUrl: connector.url, tenantId: team.tenantId };
  const before = sandbox.count(429);
  sandbox.injectFault({ status: 429, times: 1, retryAfterSeconds: 1, operations: ['create'] });
  const started = performance.now();
  const id = await messenger(3).createPersonalConversation(target, nth(team.members, 0).id);
  expect(id).toBe(sandbox.personalConversationId(nth(team.members, 0).id));
  expect(performance.now() - started).toBeGreaterThanOrEqual(990);
  expect(sandbox.count(429) - before).toBe(1);
});
