/**
 * Which Entra ID and Graph failures stop a job and which wait: the real @azure/msal-node and graph-client against the
 * Graph sandbox (its token endpoint answers as Entra does), plus Graph's documented error answers we cannot provoke
 * there. Only throttling, 5xx, timeouts and network failures may be retried.
 */
import { createAppTokenSource } from '../../../src/adapters/graph/app-token-provider';
import { GraphCalendar } from '../../../src/adapters/graph/graph-calendar';
import { graphAnswerFailure } from '../../../src/adapters/graph/graph-failures';
import { GraphTransport } from '../../../src/adapters/graph/graph-transport';
import type { CalendarSeriesInput } from '../../../src/app/reviews/review-ports';
import { CalendarError } from '../../../src/domain/review/calendar-error';
import { type RunningGraphSandbox, startGraphSandbox } from '../../../src/sandbox/graph/graph-sandbox-router';
import { CLIENT_ID, CLIENT_SECRET, reviewSeries, TENANT } from './graph-harness';

const ORGANIZER = 'AdeleV@contoso.example';

/** A new series, with a transaction id of its own. */
function series(): CalendarSeriesInput & { bodyHtml: string; transactionId: string } {
  return { ...reviewSeries(), bodyHtml: '', transactionId: `tx-${Math.random().toString(36).slice(2)}` };
}

describe('Entra ID and Graph failures, as the Graph adapter classifies them', () => {
  let running: RunningGraphSandbox;
  beforeAll(async () => {
    running = await startGraphSandbox({ clients: { [CLIENT_ID]: CLIENT_SECRET } });
  });
  afterAll(() => running.close());

  /** The calendar as the app builds it, with one token setting changed. */
  function calendar(
    overrides: { clientId?: string; clientSecret?: string; authorityHost?: string; maxRetries?: number } = {},
  ) {
    const local = overrides.authorityHost === undefined;
    return new GraphCalendar(
      new GraphTransport({
        graphBaseUrl: running.graphBaseUrl,
        accessToken: createAppTokenSource({
          clientId: overrides.clientId ?? CLIENT_ID,
          clientSecret: overrides.clientSecret ?? CLIENT_SECRET,
          tenantId: TENANT,
          authorityHost: overrides.authorityHost ?? 'https://login.microsoftonline.com',
          tokenEndpoint: local ? running.tokenEndpoint(TENANT) : null,
        }),
        retryDelaySeconds: 0,
        maxRetries: overrides.maxRetries ?? 3,
      }),
    );
  }

  async function failureOf(work: Promise<unknown>): Promise<CalendarError> {
    const error = await work.then(
      () => null,
      (e: unknown) => e,
    );
    if (!(error instanceof CalendarError)) throw new Error(`expected a CalendarError, got ${String(error)}`);
    return error;
  }

  it.each([
    {
      what: 'a wrong client secret (invalid_client, AADSTS7000215)',
      overrides: { clientSecret: 'an-expired-secret' },
      failure: 'unauthorized',
      message: /invalid_client.*AADSTS7000215/,
    },
    {
      what: 'an app Entra does not know (unauthorized_client, AADSTS700016)',
      overrides: { clientId: '0badc0de-0000-4000-8000-000000000000' },
      failure: 'unauthorized',
      message: /unauthorized_client.*AADSTS700016/,
    },
    {
      what: 'a plain-http authority (authority_uri_insecure)',
      overrides: { authorityHost: 'http://login.contoso.example' },
      failure: 'authority',
      message: /authority_uri_insecure/,
    },
    {
      what: 'an authority that publishes no OpenID metadata (an unknown host)',
      overrides: { authorityHost: 'https://login.contoso.invalid' },
      failure: 'authority',
      message: /endpoints_resolution_error|openid_config_error|untrusted_authority/,
    },
  ])('stops for good on $what, and says an admin must act', async ({ overrides, failure, message }) => {
    const before = running.sandbox.stats.operations;
    const error = await failureOf(calendar(overrides).createSeries(ORGANIZER, series()));
    expect(error).toMatchObject({ failure, retryable: false });
    expect(error.message).toMatch(message);
    expect(error.advice).toMatch(/an admin must/);
    expect(running.sandbox.stats.operations).toBe(before); // no Graph call went out without a token
  });

  it('waits on a throttled or unavailable Entra ID, including msal’s own refusal while it remembers the 503', async () => {
    const cal = calendar();
    running.sandbox.injectTokenFault({ status: 503, retryAfterSeconds: 1, times: 1 });
    const requests = running.sandbox.stats.tokenRequests;
    const first = await failureOf(cal.createSeries(ORGANIZER, series()));
    expect(first).toMatchObject({ failure: 'unavailable', retryable: true });
    expect(first.message).toMatch(/temporarily_unavailable/);
    expect(first.advice).toBeNull();
    // msal does not ask Entra again before Retry-After has passed: its refusal carries no status, and is transient.
    const second = await failureOf(cal.createSeries(ORGANIZER, series()));
    expect(second).toMatchObject({ failure: 'unavailable', retryable: true });
    expect(running.sandbox.stats.tokenRequests).toBe(requests + 1);

    running.sandbox.injectTokenFault({ status: 429, retryAfterSeconds: 1, times: 1 });
    await new Promise((resolve) => setTimeout(resolve, 1_100));
    expect(await failureOf(cal.createSeries(ORGANIZER, series()))).toMatchObject({
      failure: 'throttled',
      retryable: true,
    });
    await new Promise((resolve) => setTimeout(resolve, 1_100));
    await expect(cal.createSeries(ORGANIZER, series())).resolves.toMatchObject({ id: expect.any(String) });
  });

  it('says the organizer has no mailbox when Graph answers 404 ErrorInvalidUser, and does not retry it', async () => {
    running.sandbox.setMailbox('left.company@contoso.example', { missing: true });
    const before = running.sandbox.stats.operations;
    const error = await failureOf(calendar().createSeries('left.company@contoso.example', series()));
    expect(error).toMatchObject({ failure: 'mailbox_not_found', retryable: false });
    expect(error.message).toMatch(/404 ErrorInvalidUser/);
    expect(error.advice).toMatch(/no Exchange Online mailbox/);
    expect(running.sandbox.stats.operations).toBe(before + 1);
  });

  it('stops for good when the organizer’s mailbox refuses access (403 ErrorAccessDenied)', async () => {
    running.sandbox.setMailbox('scoped.out@contoso.example', { denied: true });
    const error = await failureOf(calendar().createSeries('scoped.out@contoso.example', series()));
    expect(error).toMatchObject({ failure: 'access_denied', retryable: false });
    expect(error.advice).toMatch(/an admin must grant Team Charter the Calendars\.ReadWrite/);
  });

  it('waits on a Graph 5xx and on no answer at all, but not on an event Graph no longer has', async () => {
    // graph-client's RetryHandler rides out one 503; the second is the job's to retry.
    running.sandbox.injectFault({ status: 503, retryAfterSeconds: null, times: 2, pathIncludes: '/events' });
    expect(await failureOf(calendar({ maxRetries: 1 }).createSeries(ORGANIZER, series()))).toMatchObject({
      failure: 'unavailable',
      retryable: true,
    });
    const unreachable = new GraphCalendar(
      new GraphTransport({
        graphBaseUrl: 'http://127.0.0.1:9/v1.0', // the discard port: nothing answers
        accessToken: () => Promise.resolve('token'),
        retryDelaySeconds: 0,
        maxRetries: 0,
      }),
    );
    expect(await failureOf(unreachable.createSeries(ORGANIZER, series()))).toMatchObject({
      failure: 'unavailable',
      retryable: true,
    });
    const gone = await failureOf(calendar().updateSeries(ORGANIZER, 'AAMkNoSuchEvent', series()));
    expect(gone).toMatchObject({ failure: 'not_found', retryable: false });
  });
});

describe('Graph’s error answers', () => {
  // Shapes Graph documents or is known to send (GraphError: statusCode, code); the sandbox sends the common ones.
  it.each([
    [429, 'TooManyRequests', 'throttled', true],
    [500, 'InternalServerError', 'unavailable', true],
    [502, 'BadGateway', 'unavailable', true],
    [503, 'ServiceUnavailable', 'unavailable', true],
    [504, 'GatewayTimeout', 'unavailable', true],
    [408, 'RequestTimeout', 'unavailable', true],
    [401, 'InvalidAuthenticationToken', 'unauthorized', false],
    [403, 'ErrorAccessDenied', 'access_denied', false],
    [404, 'ErrorInvalidUser', 'mailbox_not_found', false],
    [404, 'MailboxNotEnabledForRESTAPI', 'mailbox_not_found', false],
    [404, 'ResourceNotFound', 'mailbox_not_found', false],
    [404, 'ErrorItemNotFound', 'not_found', false],
    [400, 'ErrorPropertyValidationFailure', 'rejected', false],
    [409, 'ErrorIrresolvableConflict', 'rejected', false],
  ] as const)('%i %s is %s (retryable: %s)', (status, code, failure, retryable) => {
    expect(graphAnswerFailure(status, code, 'message', undefined)).toMatchObject({ failure, retryable });
  });
});
