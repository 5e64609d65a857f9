/**
 * Local sandbox only: "play a member". Shows the check-in card the bot sent to a member's 1:1 chat, rendered by the
 * Adaptive Cards JavaScript renderer (loaded on demand), and sends its buttons through the Bot Connector sandbox to the
 * bot's /api/messages as the `adaptiveCard/action` invoke Teams would send; the card the bot answers with replaces it.
 */
import { Body1, Caption1, Field, Select, Subtitle2, makeStyles, tokens } from '@fluentui/react-components';
import { Action, AdaptiveCard, ExecuteAction, SubmitAction } from 'adaptivecards';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { CharterApi } from '../api/charter-api';
import { strings } from '../strings';
import { latestCard, pressButton, type PlayableMember, type PlayedCard } from './checkins-api';

const useStyles = makeStyles({
  section: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalS },
  secondary: { color: tokens.colorNeutralForeground2 },
  // Cards render with the default (light) host config, as on a light Teams theme.
  card: {
    backgroundColor: '#ffffff',
    color: '#242424',
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusMedium,
    maxWidth: '520px',
  },
});

export interface PlayMemberProps {
  api: CharterApi;
  members: readonly PlayableMember[];
  onAnswered: () => void;
}

type Status =
  { kind: 'idle' } | { kind: 'sent' } | { kind: 'rejected'; message: string } | { kind: 'failed' };

export default function PlayMember({ api, members, onAnswered }: PlayMemberProps) {
  const styles = useStyles();
  const [who, setWho] = useState(members[0]?.aadObjectId ?? '');
  const [card, setCard] = useState<PlayedCard | 'none' | null>(null);
  const [status, setStatus] = useState<Status>({ kind: 'idle' });
  const host = useRef<HTMLDivElement>(null);
  const name = members.find((m) => m.aadObjectId === who)?.name ?? who;

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

  useEffect(() => {
    const target = host.current;
    if (!target || !card || card === 'none') return;
    const adaptive = new AdaptiveCard();
    adaptive.onExecuteAction = (action) => void press(card, action);
    adaptive.parse(card.card);
    const rendered = adaptive.render();
    target.replaceChildren(...(rendered ? [rendered] : []));
    return () => target.replaceChildren();
  }, [card, press]);

  return (
    <section className={styles.section} aria-labelledby="checkins-play" data-testid="checkins-play">
      <Subtitle2 as="h3" id="checkins-play">
        {strings.ciPlayTitle}
      </Subtitle2>
      <Caption1 className={styles.secondary}>{strings.ciPlayHint}</Caption1>
      <Field label={strings.ciPlayAs}>
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
            ? strings.ciPlaySent
            : status.kind === 'rejected'
              ? strings.ciPlayRejected(status.message)
              : strings.ciPlayFailed}
        </Body1>
      ) : null}
      {card === 'none' ? <Body1>{strings.ciPlayNoCard}</Body1> : null}
      <div
        ref={host}
        role="group"
        aria-label={strings.ciPlayCard(name)}
        className={card && card !== 'none' ? styles.card : undefined}
      />
    </section>
  );
}
