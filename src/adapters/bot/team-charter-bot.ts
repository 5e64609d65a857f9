/**
 * The bot's turn handling: Teams events and 1:1 commands become use cases; card actions go to one handler per verb.
 * Everything it decides lives in app/; this file only reads activities and writes replies.
 */
import {
  ActivityTypes,
  type AdaptiveCardInvokeResponse,
  type AdaptiveCardInvokeValue,
  CardFactory,
  TeamsActivityHandler,
  type TurnContext,
} from 'botbuilder';

import { listMyCharterLinks } from '../../app/charters/list-my-charter-links';
import type { CheckInDeps } from '../../app/checkins/checkin-deps';
import { listMyOpenCheckIns } from '../../app/checkins/list-my-open-check-ins';
import { pauseCheckIns } from '../../app/checkins/pause-check-ins';
import { resumeCheckIns } from '../../app/checkins/resume-check-ins';
import type { CheckInCardReply } from '../../app/checkins/submit-check-in-answer';
import type { TeamScope } from '../../app/common-ports';
import { installTeam } from '../../app/installs/install-team';
import { queueRosterSync } from '../../app/installs/reconcile-team-roster';
import { recordMemberLeft } from '../../app/installs/record-member-left';
import { renameTeam } from '../../app/installs/rename-team';
import { uninstallTeam } from '../../app/installs/uninstall-team';
import { CARD_VERBS } from './card-verbs';
import { renderCard } from './cards/render-card';
import { charterReply } from './charter-reply';
import { pauseReply } from './pause-reply';
import { type CardActionData, cardActionData } from './verbs/card-action-data';
import { editCheckIn } from './verbs/edit-check-in';
import { submitCheckIn } from './verbs/submit-check-in';

type VerbHandler = (
  deps: CheckInDeps,
  member: { tenantId: string; aadObjectId: string },
  data: CardActionData,
) => Promise<CheckInCardReply>;

const VERB_HANDLERS: Record<string, VerbHandler> = {
  [CARD_VERBS.submitCheckIn]: submitCheckIn,
  [CARD_VERBS.editCheckIn]: editCheckIn,
};

/** `pause` or `resume` from someone none of whose teams has the app: there is nothing to pause. */
const NO_TEAM_TO_PAUSE =
  'None of your teams has Team Charter yet, so there are no check-ins to pause or resume. A team owner adds it from the Apps store in Teams.';

const NO_OPEN_CHECK_IN =
  'There is no open check-in for you right now. **My charters** (the tab at the top of this chat) shows each of your ' +
  'teams’ charters, what changed since you last looked, an open check-in and the next review.';

const HELP =
  'I run your team’s check-ins. In this chat: **checkin** (your card for the open round), **pause 2 weeks** ' +
  '(or days), **resume**, **charter** (a link to your charter), **help**. The **My charters** tab at the top of this ' +
  'chat shows all your teams’ charters, check-ins and reviews in one place.';

interface TeamChannelData {
  team?: { id?: string; name?: string; aadGroupId?: string };
  channel?: { id?: string };
  settings?: { selectedChannel?: { id?: string } };
  tenant?: { id?: string };
}

export class TeamCharterBot extends TeamsActivityHandler {
  constructor(private readonly deps: CheckInDeps) {
    super();

    this.onTurn(async (context, next) => {
      const tenantId = tenantOf(context);
      if (tenantId && context.activity.serviceUrl)
        await deps.installs.refreshServiceUrl(tenantId, context.activity.serviceUrl);
      await next();
    });

    this.onInstallationUpdateAdd(async (context, next) => {
      const channelData = context.activity.channelData as TeamChannelData | undefined;
      const team = channelData?.team;
      const tenantId = tenantOf(context);
      if (team?.id && team.aadGroupId && tenantId)
        await installTeam(deps, {
          tenantId,
          teamId: team.aadGroupId.toLowerCase(),
          teamsTeamId: team.id,
          teamName: team.name ?? 'Your team',
          serviceUrl: context.activity.serviceUrl,
          channelConversationId:
            channelData?.channel?.id ??
            channelData?.settings?.selectedChannel?.id ??
            context.activity.conversation.id,
          installedBy: context.activity.from.aadObjectId ?? null,
          installer: context.activity.from.aadObjectId
            ? {
                aadObjectId: context.activity.from.aadObjectId,
                teamsUserId: context.activity.from.id || null,
                name: context.activity.from.name || 'Unknown',
                email: null,
                timeZone: null,
              }
            : null,
        });
      await next();
    });

    this.onInstallationUpdateRemove(async (context, next) => {
      const scope = teamScopeOf(context);
      if (scope) await uninstallTeam(deps, scope);
      await next();
    });

    this.onTeamsMembersAddedEvent(async (membersAdded, _teamInfo, context, next) => {
      const scope = teamScopeOf(context);
      const botAdded = membersAdded.some((m) => m.id === context.activity.recipient.id);
      const installation = scope ? await deps.installs.getInstallation(scope) : null;
      // The roster is paged by a job (retried across Connector outages), not inside this turn.
      if (!botAdded && installation && !installation.uninstalledAt)
        await queueRosterSync(
          deps.jobs,
          installation,
          `added-${context.activity.id ?? deps.clock.now().toISOString()}`,
          deps.clock.now(),
        );
      await next();
    });

    this.onTeamsMembersRemovedEvent(async (membersRemoved, _teamInfo, context, next) => {
      const scope = teamScopeOf(context);
      if (scope)
        for (const m of membersRemoved) if (m.aadObjectId) await recordMemberLeft(deps, scope, m.aadObjectId);
      await next();
    });

    this.onTeamsTeamRenamedEvent(async (teamInfo, context, next) => {
      const scope = teamScopeOf(context);
      if (scope && teamInfo.name) await renameTeam(deps, scope, teamInfo.name);
      await next();
    });

    this.onMessage(async (context, next) => {
      if (context.activity.conversation.conversationType === 'personal') await this.personalMessage(context);
      await next();
    });
  }

  /** `Action.Execute` from one of our cards: the card that replaces it, or an error Teams shows on it. */
  protected override async onAdaptiveCardInvoke(
    context: TurnContext,
    invokeValue: AdaptiveCardInvokeValue,
  ): Promise<AdaptiveCardInvokeResponse> {
    const reply = await this.cardAction(context, invokeValue.action.verb, invokeValue.action.data);
    if (reply.kind === 'error')
      return {
        statusCode: reply.status,
        type: 'application/vnd.microsoft.error',
        value: {
          code: reply.status === 400 ? 'BadRequest' : reply.status === 403 ? 'Forbidden' : 'NotFound',
          message: reply.message,
        } as never,
      };
    return {
      statusCode: 200,
      type: 'application/vnd.microsoft.card.adaptive',
      value: renderCard({ kind: 'checkin', view: reply.view }),
    };
  }

  private async cardAction(context: TurnContext, verb: string, data: unknown): Promise<CheckInCardReply> {
    const tenantId = tenantOf(context);
    const aadObjectId = context.activity.from.aadObjectId;
    if (!tenantId || !aadObjectId)
      return { kind: 'error', status: 403, message: 'We could not tell who you are.' };
    const parsed = cardActionData.safeParse(data);
    if (!parsed.success) return { kind: 'error', status: 400, message: 'This card is not one of ours.' };
    if (parsed.data.tenantId !== tenantId)
      return { kind: 'error', status: 403, message: 'This card belongs to another organization.' };
    const handler = VERB_HANDLERS[verb];
    if (!handler) return { kind: 'error', status: 400, message: `The button “${verb}” is not one we know.` };
    return handler(this.deps, { tenantId, aadObjectId }, parsed.data);
  }

  private async personalMessage(context: TurnContext): Promise<void> {
    const tenantId = tenantOf(context);
    const aadObjectId = context.activity.from.aadObjectId;
    if (!tenantId || !aadObjectId) return;
    const member = { tenantId, aadObjectId };

    // A client without Universal Actions sends the fallback Action.Submit as a message with a value.
    const value = context.activity.value as { verb?: unknown } | undefined;
    if (value && typeof value.verb === 'string') {
      const reply = await this.cardAction(context, value.verb, value);
      if (reply.kind === 'error') await context.sendActivity(reply.message);
      else if (context.activity.replyToId)
        await context.updateActivity({
          type: ActivityTypes.Message,
          id: context.activity.replyToId,
          attachments: [CardFactory.adaptiveCard(renderCard({ kind: 'checkin', view: reply.view }))],
        });
      return;
    }

    const text = (context.activity.text ?? '')
      .replace(/<at>.*?<\/at>/g, '')
      .trim()
      .toLowerCase();
    const pause = /^pause(?:\s+(\d{1,3})\s*(day|days|week|weeks))?$/.exec(text);
    if (text === 'checkin' || text === 'check-in' || text === 'check in') {
      const views = await listMyOpenCheckIns(this.deps, member);
      if (views.length === 0) await context.sendActivity(NO_OPEN_CHECK_IN);
      for (const view of views)
        await context.sendActivity({
          attachments: [CardFactory.adaptiveCard(renderCard({ kind: 'checkin', view }))],
        });
    } else if (pause) {
      const amount = Number(pause[1] ?? 2);
      const days = pause[2]?.startsWith('day') ? amount : amount * 7;
      if (days < 1 || days > 365) {
        await context.sendActivity('You can pause check-ins for 1 day up to a year, e.g. **pause 2 weeks**.');
        return;
      }
      const until = new Date(this.deps.clock.now().getTime() + days * 86_400_000);
      const teams = await pauseCheckIns(this.deps, member, until);
      await context.sendActivity(teams === 0 ? NO_TEAM_TO_PAUSE : pauseReply(teams, until, context.activity));
    } else if (text === 'resume') {
      const teams = await resumeCheckIns(this.deps, member);
      await context.sendActivity(
        teams === 0 ? NO_TEAM_TO_PAUSE : 'Check-ins are back on from the next round.',
      );
    } else if (text === 'charter') {
      const teams = await listMyCharterLinks(this.deps, member);
      await context.sendActivity(charterReply(teams, this.deps.charterLinks, tenantId));
    } else {
      await context.sendActivity(HELP);
    }
  }
}

function tenantOf(context: TurnContext): string | undefined {
  const channelData = context.activity.channelData as TeamChannelData | undefined;
  return channelData?.tenant?.id ?? context.activity.conversation?.tenantId;
}

function teamScopeOf(context: TurnContext): TeamScope | null {
  const channelData = context.activity.channelData as TeamChannelData | undefined;
  const tenantId = tenantOf(context);
  const teamId = channelData?.team?.aadGroupId;
  return tenantId && teamId ? { tenantId, teamId: teamId.toLowerCase() } : null;
}
