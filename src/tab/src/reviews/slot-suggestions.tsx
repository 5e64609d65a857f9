/**
 * "Suggest times" beside the review cadence in the editor: asks the API for the three least-bad slots, ranked the way
 * Outlook's scheduling assistant ranks them (fewest people outside their working hours or busy, then earliest; from
 * getSchedule on the organizer's mailbox), shows each with every person's local time and who would be outside their
 * hours or busy, and fills the cadence's weekday and start time from the chosen one. Loaded lazily with the editor's
 * review section.
 */
import {
  Badge,
  Button,
  makeStyles,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Spinner,
  Text,
  tokens,
} from '@fluentui/react-components';
import { useRef, useState } from 'react';
import type { Cadence, Weekday } from '../../../domain/cadence/cadence';
import { WEEKDAYS } from '../../../domain/cadence/cadence';
import type { SuggestedSlot } from '../../../shared/api-types';
import { ApiError } from '../api/api-errors';
import type { CharterApi } from '../api/charter-api';
import { formatDateTime } from '../format';
import { appStrings } from '../strings/app';
import { cadenceStrings } from '../strings/cadence';
import { slotSuggestionStrings } from '../strings/slot-suggestions';
import { suggestSlots } from './reviews-api';

const useStyles = makeStyles({
  box: {
    display: 'grid',
    rowGap: tokens.spacingVerticalS,
    padding: tokens.spacingHorizontalM,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
  },
  start: { justifySelf: 'start' },
  slots: {
    display: 'grid',
    rowGap: tokens.spacingVerticalM,
    margin: 0,
    paddingInlineStart: 0,
    listStyle: 'none',
  },
  slot: {
    display: 'grid',
    gridTemplateColumns: 'minmax(0, 1fr) auto',
    columnGap: tokens.spacingHorizontalM,
    alignItems: 'center',
    padding: tokens.spacingHorizontalS,
    backgroundColor: tokens.colorNeutralBackground2,
    borderRadius: tokens.borderRadiusMedium,
  },
  people: {
    margin: 0,
    paddingInlineStart: tokens.spacingHorizontalL,
    display: 'grid',
    rowGap: tokens.spacingVerticalXXS,
  },
  person: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', columnGap: tokens.spacingHorizontalS },
  fits: { color: tokens.colorPaletteGreenForeground1 },
  leavesOut: { color: tokens.colorNeutralForeground2 },
});

export interface SlotSuggestionsProps {
  api: CharterApi;
  teamId: string;
  /** The review cadence as the editor has it now; a chosen slot changes only its weekday and start time. */
  cadence: Cadence;
  organizerId: string;
  viewerZone: string;
  onChange: (cadence: Cadence) => void;
}

type View =
  | { kind: 'idle' }
  | { kind: 'loading' }
  | { kind: 'failed'; message: string }
  | { kind: 'done'; slots: SuggestedSlot[] };

/** The API takes 15–480 minutes; the editor allows shorter cadences, which still need a slot that long at least. */
function requestDuration(minutes: number): number {
  if (!Number.isFinite(minutes)) return 60;
  return Math.min(480, Math.max(15, Math.round(minutes)));
}

/** The weekday, HH:mm and day of month of an instant in a zone. */
function wallClock(instant: Date, timeZone: string): { weekday: Weekday; time: string; day: number } {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    weekday: 'long',
    day: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(instant);
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? '';
  const weekday = part('weekday').toLowerCase() as Weekday;
  return {
    weekday: WEEKDAYS.includes(weekday) ? weekday : 'monday',
    time: `${part('hour').padStart(2, '0')}:${part('minute')}`,
    day: Number(part('day')),
  };
}

/** The cadence with the slot's weekday and start time in the cadence's own zone; everything else as it was. */
export function withSlot(cadence: Cadence, start: Date): Cadence {
  const { weekday, time, day } = wallClock(start, cadence.timeZone);
  const p = cadence.pattern;
  switch (p.kind) {
    case 'weekly':
      return { ...cadence, startTime: time, pattern: { ...p, daysOfWeek: [weekday] } };
    case 'monthlyOnPosition':
      return { ...cadence, startTime: time, pattern: { ...p, dayOfWeek: weekday } };
    case 'monthlyOnDate':
      // The editor offers days 1–28 and "last": a later date keeps the day the editor chose.
      return { ...cadence, startTime: time, pattern: day <= 28 ? { ...p, dayOfMonth: day } : p };
  }
}

function personTime(instant: Date, timeZone: string): string {
  return new Intl.DateTimeFormat(undefined, {
    timeZone,
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    hour: 'numeric',
    minute: '2-digit',
  }).format(instant);
}

function failureMessage(error: unknown): string {
  if (error instanceof ApiError) {
    if (error.status === 403) return appStrings.notAnEditor;
    const field = error.problem.errors?.[0]?.message;
    return field ?? error.problem.detail;
  }
  return error instanceof Error ? error.message : appStrings.loadFailed;
}

export default function SlotSuggestions(props: SlotSuggestionsProps) {
  const styles = useStyles();
  const { api, teamId, cadence, organizerId, viewerZone, onChange } = props;
  const [view, setView] = useState<View>({ kind: 'idle' });
  const [used, setUsed] = useState<string | null>(null);
  const request = useRef(0);

  async function suggest(): Promise<void> {
    const mine = ++request.current;
    setUsed(null);
    setView({ kind: 'loading' });
    try {
      const slots = await suggestSlots(api, teamId, {
        durationMinutes: requestDuration(cadence.durationMinutes),
        organizerId,
      });
      if (mine === request.current) setView({ kind: 'done', slots: slots.slice(0, 3) });
    } catch (error) {
      if (mine === request.current) setView({ kind: 'failed', message: failureMessage(error) });
    }
  }

  function choose(slot: SuggestedSlot): void {
    const next = withSlot(cadence, new Date(slot.start));
    onChange(next);
    const { weekday, time } = wallClock(new Date(slot.start), next.timeZone);
    setUsed(slotSuggestionStrings.used(cadenceStrings.weekdays[weekday], time, next.timeZone));
  }

  return (
    <div className={styles.box} role="group" aria-labelledby="slot-suggestions-title">
      <Text weight="semibold" id="slot-suggestions-title" block>
        {slotSuggestionStrings.title}
      </Text>
      <Text size={200} block>
        {slotSuggestionStrings.hint}
      </Text>
      <Button
        className={styles.start}
        disabled={view.kind === 'loading'}
        onClick={() => {
          void suggest();
        }}
      >
        {view.kind === 'idle' ? slotSuggestionStrings.suggest : slotSuggestionStrings.suggestAgain}
      </Button>
      {view.kind === 'loading' ? (
        <Spinner size="tiny" labelPosition="after" label={slotSuggestionStrings.loading} />
      ) : null}
      {view.kind === 'failed' ? (
        <MessageBar intent="error" role="alert" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>{slotSuggestionStrings.failedTitle}</MessageBarTitle>
            {slotSuggestionStrings.failed(view.message)}
          </MessageBarBody>
        </MessageBar>
      ) : null}
      {view.kind === 'done' && view.slots.length === 0 ? (
        <MessageBar intent="info" role="status" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>{slotSuggestionStrings.emptyTitle}</MessageBarTitle>
            {slotSuggestionStrings.empty}
          </MessageBarBody>
        </MessageBar>
      ) : null}
      {view.kind === 'done' && (view.slots[0]?.conflicts ?? 0) > 0 ? (
        <Text size={200} block role="note">
          {slotSuggestionStrings.noTimeForAll}
        </Text>
      ) : null}
      {view.kind === 'done' && view.slots.length > 0 ? (
        <ol className={styles.slots} aria-label={slotSuggestionStrings.slots}>
          {view.slots.map((slot) => {
            const start = new Date(slot.start);
            const when = formatDateTime(start, viewerZone);
            return (
              <li key={slot.start} className={styles.slot} aria-label={slotSuggestionStrings.slotLabel(when)}>
                <div>
                  <Text weight="semibold" block>
                    {slotSuggestionStrings.yourTime(when)}
                  </Text>
                  <Text
                    size={200}
                    block
                    className={slot.conflicts === 0 ? styles.fits : styles.leavesOut}
                    data-testid="slot-cost"
                  >
                    {slot.conflicts === 0
                      ? slotSuggestionStrings.everyoneFree
                      : slotSuggestionStrings.leavesOut(slot.conflicts)}
                  </Text>
                  <ul className={styles.people}>
                    {slot.local.map((person) => (
                      <li key={`${person.name}|${person.timeZone}`} className={styles.person}>
                        <span>
                          {slotSuggestionStrings.personTime(
                            person.name,
                            personTime(start, person.timeZone),
                            person.timeZone,
                          )}
                        </span>
                        {person.availability !== 'free' ? (
                          <Badge appearance="tint" color="warning" size="small">
                            {slotSuggestionStrings.availability[person.availability]}
                          </Badge>
                        ) : null}
                      </li>
                    ))}
                  </ul>
                </div>
                <Button
                  appearance="primary"
                  aria-label={slotSuggestionStrings.useLabel(when)}
                  onClick={() => choose(slot)}
                >
                  {slotSuggestionStrings.use}
                </Button>
              </li>
            );
          })}
        </ol>
      ) : null}
      {used ? (
        <Text role="status" block>
          {used}
        </Text>
      ) : null}
    </div>
  );
}
