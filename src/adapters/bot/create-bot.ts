/**
 * Builds the bot's HTTP endpoint: botbuilder's CloudAdapter in front of TeamCharterBot, and the Messenger that shares
 * its authentication. Outside local mode `ConfigurationBotFrameworkAuthentication` validates every inbound Bot
 * Framework token and signs outbound calls; in local mode the app id is empty, so inbound traffic is unauthenticated
 * and outbound calls carry no token (PLATFORM.md) — local mode binds to 127.0.0.1 only.
 */
import express, { type Express } from 'express';
import { CloudAdapter, ConfigurationBotFrameworkAuthentication, type TurnContext } from 'botbuilder';
import type { CheckInDeps } from '../../app/checkins/checkin-deps';
import type { Log } from '../../app/ports';
import { BotConnectorMessenger } from './bot-connector-messenger';
import { TeamCharterBot } from './team-charter-bot';

export interface BotIdentity {
  appId: string;
  appPassword: string | null;
  appTenantId: string | null;
  appType: 'MultiTenant' | 'SingleTenant' | 'UserAssignedMSI';
}

/** Authentication for a bot identity, or for local mode (null: no credentials). */
export function botAuthentication(identity: BotIdentity | null): ConfigurationBotFrameworkAuthentication {
  return new ConfigurationBotFrameworkAuthentication(
    identity
      ? {
          MicrosoftAppId: identity.appId,
          MicrosoftAppPassword: identity.appPassword ?? undefined,
          MicrosoftAppTenantId: identity.appTenantId ?? undefined,
          MicrosoftAppType: identity.appType,
        }
      : { MicrosoftAppId: '', MicrosoftAppPassword: '' },
  );
}

export function createMessenger(
  auth: ConfigurationBotFrameworkAuthentication,
  identity: BotIdentity | null,
): BotConnectorMessenger {
  return new BotConnectorMessenger({ auth, botAppId: identity?.appId ?? '' });
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
    app.post('/api/messages', express.json({ limit: '1mb' }), async (req, res) => {
      await adapter.process(req, res, (context) => bot.run(context));
    });
  };
}
