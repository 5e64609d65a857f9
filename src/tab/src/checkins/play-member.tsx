/**
 * Local sandbox only: "play a member". Shows the check-in card the bot sent to a member's 1:1 chat, rendered by the
 * Adaptive Cards JavaScript renderer (loaded on demand) as Teams would show it to that member: in the theme on screen,
 * with its dates in the member's time zone. Its buttons go through the Bot Connector sandbox to the bot's /api/messages
 * as the `adaptiveCard/action` invoke Teams would send; the card the bot answers with replaces it.
 */
import {
  Body1,
  Caption1,
  Field,
  makeStyles,
  Select,
  teamsLightTheme,
  tokens,
} from '@fluentui/react-components';
import { ThemeContext_unstable as ThemeContext } from '@fluentui/react-shared-contexts';
import { type Action, ExecuteAction, SubmitAction } from 'adaptivecards';
import { useCallback, useContext, useEffect, useMemo, useRef, useState } from 'react';

import type { CharterApi } from '../api/charter-api';
import { checkInStrings } from '../strings/check-ins';
import { cardHostConfig } from './card-host-config';
import { renderAdaptiveCard } from './card-renderer';
import { useAdaptiveCardStyles } from './card-styles';
import { latestCard, type PlayableMember, type PlayedCard, pressButton } from './checkins-api';

const useStyles = makeStyles({
  section: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalS },
  secondary: { color: tokens.colorNeutralForeground2 },
});

export interface PlayMemberProps {
  api: CharterApi;
  members: readonly PlayableMember[];
  /** The member's IANA time zone, in which Teams would show the card's dates to them. */
  zoneOf: (aadObjectId: string) => string;
  onAnswered: () => void;
}

type Status =
  { kind: 'idle' } | { kind: 'sent' } | { kind: 'rejected'; message: string } | { kind: 'failed' };

export default function PlayMember({ api, members, zoneOf, onAnswered }: PlayMemberProps) {
  const styles = useStyles();
  const cardStyles = useAdaptiveCardStyles();
  // The theme of the nearest FluentProvider: the one on screen, which Teams' theme (or the sandbox's picker) chose.
  const theme = useContext(ThemeContext);
  const hostConfig = useMemo(() => cardHostConfig({ ...teamsLightTheme, ...theme }), [theme]);
  const [who, setWho] = useState(members[0]?.aadObjectId ?? '');
  const [card, setCard] = useState<PlayedCard | 'none' | null>(null);
  const [status, setStatus] = useState<Status>({ kind: 'idle' });
  const host = useRef<HTMLDivElement>(null);
  const name = members.find((m) => m.aadObjectId === who)?.name ?? who;
  const zone = zoneOf(who);

  useEffect(() => {
    let live = true;
    let timer: ReturnType<typeof setTimeout> | undefined;
    setCard(null);
    setStatus({ kind: 'idle' });
    // The bot sends cards a moment after a round opens: look again for a while until one is there.
    const look = (triesLeft: number) =>
      latestCard(api, who).then(
        (c) => live && setCard(c),
        () => {
          if (!live) return;
          setCard('none');
          if (triesLeft > 0) timer = setTimeout(() => void look(triesLeft - 1), 2_000);
        },
      );
    void look(30);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [api, who]);

  const press = useCallback(
    async (shown: PlayedCard, action: Action) => {
      const verb = action instanceof ExecuteAction ? action.verb : undefined;
      const data = (
        action instanceof SubmitAction || action instanceof ExecuteAction ? action.data : {}
      ) as Record<string, unknown>;
      try {
        const answer = await pressButton(api, who, {
          verb: verb ?? String(data.verb ?? ''),
          data,
          replyToId: shown.activityId,
        });
        const body = answer.body;
        if (body?.statusCode === 200 && body.value && typeof body.value === 'object') {
          setCard({ activityId: shown.activityId, card: body.value as Record<string, unknown> });
          setStatus({ kind: 'sent' });
          onAnswered();
        } else {
          const message =
            (body?.value as { message?: string } | undefined)?.message ?? `HTTP ${answer.status}`;
          setStatus({ kind: 'rejected', message });
        }
      } catch {
        setStatus({ kind: 'failed' });
      }
    },
    [api, who, onAnswered],
  );
  // The card is drawn again only when it, the theme or the zone changes: drawing it again loses what was typed in it.
  const pressLatest = useRef(press);
  useEffect(() => {
    pressLatest.current = press;
  }, [press]);

  useEffect(() => {
    const target = host.current;
    if (!target || !card || card === 'none') return;
    const rendered = renderAdaptiveCard(card.card, {
      hostConfig,
      timeZone: zone,
      onAction: (action) => void pressLatest.current(card, action),
    });
    target.replaceChildren(...(rendered ? [rendered] : []));
    return () => target.replaceChildren();
  }, [card, hostConfig, zone]);

  return (
    <section className={styles.section} aria-labelledby="checkins-play" data-testid="checkins-play">
      <h3 className="tc-h3" id="checkins-play">
        {checkInStrings.playMember.title}
      </h3>
      <Caption1 className={styles.secondary}>{checkInStrings.playMember.hint}</Caption1>
      <Field label={checkInStrings.playMember.member}>
        <Select value={who} onChange={(_, d) => setWho(d.value)}>
          {members.map((m) => (
            <option key={m.aadObjectId} value={m.aadObjectId}>
              {m.name}
            </option>
          ))}
        </Select>
      </Field>
      {status.kind !== 'idle' ? (
        <Body1 role="status">
          {status.kind === 'sent'
            ? checkInStrings.playMember.sent
            : status.kind === 'rejected'
              ? checkInStrings.playMember.rejected(status.message)
              : checkInStrings.playMember.failed}
        </Body1>
      ) : null}
      {card === 'none' ? <Body1>{checkInStrings.playMember.noCard}</Body1> : null}
      {card && card !== 'none' ? (
        <Caption1 className={styles.secondary}>{checkInStrings.playMember.zone(name, zone)}</Caption1>
      ) : null}
      <div
        ref={host}
        role="group"
        aria-label={checkInStrings.playMember.card(name)}
        className={card && card !== 'none' ? cardStyles.card : undefined}
      />
    </section>
  );
}
