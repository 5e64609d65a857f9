/**
 * Builds the bot's HTTP endpoint: botbuilder's CloudAdapter in front of TeamCharterBot, and the Messenger that shares
 * its authentication. Outside local mode `ConfigurationBotFrameworkAuthentication` validates every inbound Bot
 * Framework token and signs outbound calls; in local mode the app id is empty, so inbound traffic is unauthenticated
 * and outbound calls carry no token (the Bot Framework Emulator's convention) — local mode binds to 127.0.0.1 only.
 */
import {
  type Activity,
  CallerIdConstants,
  CloudAdapter,
  ConfigurationBotFrameworkAuthentication,
  StatusCodes,
  type TurnContext,
} from 'botbuilder';
import {
  type AuthenticateRequestResult,
  AuthenticationConstants,
  AuthenticationError,
} from 'botframework-connector';
import type { Express, Request, Response } from 'express';

import type { CheckInDeps } from '../../app/checkins/checkin-deps';
import type { Log } from '../../app/common-ports';
import { ValidationError } from '../../domain/errors';
import { jsonBody } from '../http/json-body';
import { hashForLog, safeLogId, withLogFields } from '../logging/log-context';
import { BotConnectorMessenger, type ConnectorCallObserver } from './bot-connector-messenger';
import type { ConnectorRateLimiter } from './connector-rate-limiter';
import { TeamCharterBot } from './team-charter-bot';

export interface BotIdentity {
  appId: string;
  appPassword: string | null;
  appTenantId: string | null;
  appType: 'MultiTenant' | 'SingleTenant' | 'UserAssignedMSI';
  /**
   * Where inbound Bot Framework tokens' signing keys are published (`BOT_OPENID_METADATA_URL`); unset = the public
   * cloud's `https://login.botframework.com/v1/.well-known/openidconfiguration`. For sovereign clouds and for tests
   * against a local OpenID server; everything else (issuer `https://api.botframework.com`, audience = our app id,
   * the `serviceUrl` claim, 5 min skew) is checked exactly as in the public cloud.
   */
  openIdMetadataUrl?: string | null;
}

/** Authentication for a bot identity, or for local mode (null: no credentials). */
export function botAuthentication(identity: BotIdentity | null): ConfigurationBotFrameworkAuthentication {
  return new TokenRefusingBotAuthentication(
    identity
      ? {
          MicrosoftAppId: identity.appId,
          MicrosoftAppPassword: identity.appPassword ?? undefined,
          MicrosoftAppTenantId: identity.appTenantId ?? undefined,
          MicrosoftAppType: identity.appType,
          ...(identity.openIdMetadataUrl ? publicCloudWithMetadata(identity.openIdMetadataUrl) : {}),
        }
      : { MicrosoftAppId: '', MicrosoftAppPassword: '' },
  );
}

/**
 * botframework-connector lets the token library's own verdicts (a bad signature, `alg: none`, an HMAC algorithm, a
 * token not valid yet) escape as plain errors, which CloudAdapter answers with 500 — as if the bot had failed. They are
 * the caller's fault: rethrown as AuthenticationError, CloudAdapter answers 401 (tests/security).
 */
class TokenRefusingBotAuthentication extends ConfigurationBotFrameworkAuthentication {
  override async authenticateRequest(
    activity: Activity,
    authHeader: string,
  ): Promise<AuthenticateRequestResult> {
    try {
      return await super.authenticateRequest(activity, authHeader);
    } catch (error) {
      if (error instanceof Error && TOKEN_LIBRARY_VERDICTS.has(error.name))
        throw new AuthenticationError(`Unauthorized. ${error.message}`, StatusCodes.UNAUTHORIZED);
      throw error;
    }
  }
}

/** jsonwebtoken's error names (JsonWebTokenError covers signature, algorithm and format). */
const TOKEN_LIBRARY_VERDICTS = new Set(['JsonWebTokenError', 'NotBeforeError', 'TokenExpiredError']);

/**
 * botframework-connector takes a custom metadata URL only with a full set of endpoints ("parameterized"): these are
 * the public cloud's own values (what it uses when none is given), with the metadata URL replaced. The emulator's
 * metadata goes to the same place, so a token shaped like an Emulator token is checked against those keys too and
 * never fetched from the internet.
 */
function publicCloudWithMetadata(openIdMetadataUrl: string) {
  return {
    ToBotFromChannelOpenIdMetadataUrl: openIdMetadataUrl,
    ToBotFromEmulatorOpenIdMetadataUrl: openIdMetadataUrl,
    ToBotFromChannelTokenIssuer: AuthenticationConstants.ToBotFromChannelTokenIssuer,
    ToChannelFromBotLoginUrl: AuthenticationConstants.ToChannelFromBotLoginUrl,
    ToChannelFromBotOAuthScope: AuthenticationConstants.ToChannelFromBotOAuthScope,
    OAuthUrl: AuthenticationConstants.OAuthUrl,
    CallerId: CallerIdConstants.PublicAzureChannel,
    ValidateAuthority: true,
  };
}

export function createMessenger(
  auth: ConfigurationBotFrameworkAuthentication,
  identity: BotIdentity | null,
  pacing: { limiter?: ConnectorRateLimiter; metrics?: ConnectorCallObserver } = {},
): BotConnectorMessenger {
  return new BotConnectorMessenger({ auth, botAppId: identity?.appId ?? '', ...pacing });
}

/** `POST /api/messages`, as a `mounts` entry of the HTTP app. */
export function botMount(
  auth: ConfigurationBotFrameworkAuthentication,
  deps: CheckInDeps,
  log: Log,
): (app: Express) => void {
  const adapter = new CloudAdapter(auth);
  const bot = new TeamCharterBot(deps);
  adapter.onTurnError = async (context: TurnContext, error: Error) => {
    log.error(
      { err: error, activityType: context.activity.type, activityId: context.activity.id },
      'bot.turn.failed',
    );
    if (context.activity.type === 'message')
      await context.sendActivity('Sorry, something went wrong on our side. Please try again in a minute.');
  };
  return (app) => {
    app.post('/api/messages', jsonBody('1mb'), async (req, res) => {
      // Every line of the turn carries the activity and a hash of its conversation (never the id itself, never text);
      // read before botbuilder authenticates the request, so only plain values are kept.
      const activity = (typeof req.body === 'object' && req.body !== null ? req.body : {}) as {
        id?: unknown;
        type?: unknown;
        conversation?: { id?: unknown } | null;
      };
      const conversationId = activity.conversation?.id;
      const fields = {
        ...definedOnly({ activityId: safeLogId(activity.id), activityType: safeLogId(activity.type) }),
        ...(typeof conversationId === 'string' ? { conversation: hashForLog(conversationId) } : {}),
      };
      await withLogFields(fields, async () => {
        const started = performance.now();
        await processActivity(adapter, req, res, (context) => bot.run(context));
        log.info({ status: res.statusCode, ms: Math.round(performance.now() - started) }, 'bot.turn');
      });
    });
  };
}

/**
 * CloudAdapter checks the activity's shape (zod, then validateAndFixActivity) and throws when the body is not one:
 * the sender's mistake (400), not ours (500).
 */
async function processActivity(
  adapter: CloudAdapter,
  req: Request,
  res: Response,
  logic: (context: TurnContext) => Promise<void>,
): Promise<void> {
  try {
    await adapter.process(req, res, logic);
  } catch (error) {
    const notAnActivity =
      error instanceof Error &&
      (error.name === 'ZodError' || error.message.startsWith('validateAndFixActivity()'));
    if (notAnActivity && !res.headersSent)
      throw new ValidationError([{ path: 'activity', message: 'The body is not a Bot Framework activity.' }]);
    throw error;
  }
}

function definedOnly(fields: Record<string, string | undefined>): Record<string, string> {
  return Object.fromEntries(Object.entries(fields).filter((e): e is [string, string] => e[1] !== undefined));
}
