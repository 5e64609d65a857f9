import { Field, Input, makeStyles, Select, Text, tokens } from '@fluentui/react-components';
import { useId } from 'react';
import type { Cadence, CadencePattern, Weekday, WeekIndex } from '../../../domain/cadence/cadence';
import { WEEK_INDEXES, WEEKDAYS } from '../../../domain/cadence/cadence';
import { dstNotes } from '../../../domain/cadence/dst-notes';
import { parseLocalTime } from '../../../domain/cadence/local-date';
import type { QuietHours } from '../../../domain/charter/charter';
import { isQuietMinute } from '../../../domain/checkin/quiet-hours';
import { cadenceStrings } from '../strings/cadence';
import { safeNextOccurrences } from './cadence-text';
import { CheckboxGroup } from './checkbox-group';
import { OccurrenceList } from './occurrence-list';

const useStyles = makeStyles({
  grid: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fill, minmax(170px, 1fr))',
    columnGap: tokens.spacingHorizontalL,
    rowGap: tokens.spacingVerticalM,
    '& > *': { minWidth: 0 },
  },
  days: { display: 'flex', flexWrap: 'wrap', columnGap: tokens.spacingHorizontalS },
  wide: { gridColumn: '1 / -1' },
  // A native select is as wide as its longest option (America/Argentina/Buenos_Aires): held to its grid cell instead.
  fill: { width: '100%', minWidth: 0, '& select': { minWidth: 0, width: '100%' } },
  note: { color: tokens.colorPaletteMarigoldForeground2 },
  preview: {
    padding: tokens.spacingHorizontalM,
    backgroundColor: tokens.colorNeutralBackground2,
    borderRadius: tokens.borderRadiusMedium,
  },
});

export interface CadencePickerProps {
  /** For ids and error paths, e.g. `checkIns.cadence`. */
  path: string;
  value: Cadence;
  onChange: (cadence: Cadence) => void;
  errorAt: (path: string) => string | undefined;
  onBlurPath: (path: string) => void;
  viewerZone: string;
  zones: readonly string[];
  now: Date;
  /** The check-in contract's quiet hours: a start time inside them is flagged (cards would wait until they end). */
  quietHours?: QuietHours | null;
}

const HOURS_MINUTES = /^\d{2}:\d{2}$/;

function patternFor(kind: CadencePattern['kind'], interval: number): CadencePattern {
  switch (kind) {
    case 'weekly':
      return { kind, interval: Math.min(interval, 4), daysOfWeek: ['monday'] };
    case 'monthlyOnDate':
      return { kind, interval, dayOfMonth: 1 };
    case 'monthlyOnPosition':
      return { kind, interval, index: 'first', dayOfWeek: 'monday' };
  }
}

/** "29 Mar" for a `YYYY-MM-DD` day (read as a calendar date, not an instant). */
function formatLocalDay(localDate: string): string {
  return new Date(`${localDate}T12:00:00Z`).toLocaleDateString('en-GB', {
    day: 'numeric',
    month: 'short',
    timeZone: 'UTC',
  });
}

/** Picks a cadence and previews its next five occurrences in the viewer's zone and the cadence's own. */
export function CadencePicker(props: CadencePickerProps) {
  const styles = useStyles();
  const { value, path, onChange, errorAt } = props;
  const p = value.pattern;
  const set = (patch: Partial<Cadence>): void => onChange({ ...value, ...patch });
  const setPattern = (pattern: CadencePattern): void => set({ pattern });
  const field = (sub: string) => {
    const message = errorAt(`${path}.${sub}`);
    return message ? { validationMessage: message, validationState: 'error' as const } : {};
  };
  const blur = (sub: string) => () => props.onBlurPath(`${path}.${sub}`);
  const occurrences = safeNextOccurrences(value, props.now, 5);
  const notes = occurrences ? dstNotes(value, occurrences) : [];
  const startMinute = parseLocalTime(value.startTime);
  const quiet =
    props.quietHours && startMinute !== undefined && isQuietMinute(startMinute, props.quietHours)
      ? props.quietHours
      : null;
  const daysId = `${useId().replace(/:/g, '')}-days`;

  return (
    <div className={styles.grid}>
      <Field label={cadenceStrings.labels.pattern} {...field('pattern.kind')}>
        <Select
          value={p.kind}
          onChange={(_e, d) => setPattern(patternFor(d.value as CadencePattern['kind'], p.interval))}
        >
          {(['weekly', 'monthlyOnDate', 'monthlyOnPosition'] as const).map((k) => (
            <option key={k} value={k}>
              {cadenceStrings.patternKinds[k]}
            </option>
          ))}
        </Select>
      </Field>
      <Field label={cadenceStrings.labels.interval} {...field('pattern.interval')}>
        <Input
          type="number"
          min={1}
          max={p.kind === 'weekly' ? 4 : 12}
          value={String(p.interval)}
          onBlur={blur('pattern.interval')}
          onChange={(_e, d) => setPattern({ ...p, interval: Number(d.value) })}
        />
      </Field>
      {p.kind === 'weekly' ? (
        <div className={styles.wide}>
          <CheckboxGroup
            id={daysId}
            legend={cadenceStrings.labels.days}
            options={WEEKDAYS.map((day) => ({ value: day, label: cadenceStrings.weekdays[day] }))}
            checked={p.daysOfWeek}
            message={errorAt(`${path}.pattern.daysOfWeek`)}
            onToggle={(day, checked) =>
              setPattern({
                ...p,
                daysOfWeek: checked
                  ? WEEKDAYS.filter((w) => w === day || p.daysOfWeek.includes(w))
                  : p.daysOfWeek.filter((w) => w !== day),
              })
            }
          />
        </div>
      ) : null}
      {p.kind === 'monthlyOnDate' ? (
        <Field label={cadenceStrings.labels.dayOfMonth} {...field('pattern.dayOfMonth')}>
          <Select
            value={String(p.dayOfMonth)}
            onChange={(_e, d) =>
              setPattern({ ...p, dayOfMonth: d.value === 'last' ? 'last' : Number(d.value) })
            }
          >
            {Array.from({ length: 28 }, (_, i) => (
              <option key={i + 1} value={String(i + 1)}>
                {i + 1}
              </option>
            ))}
            <option value="last">{cadenceStrings.lastDay}</option>
          </Select>
        </Field>
      ) : null}
      {p.kind === 'monthlyOnPosition' ? (
        <>
          <Field label={cadenceStrings.labels.position} {...field('pattern.index')}>
            <Select value={p.index} onChange={(_e, d) => setPattern({ ...p, index: d.value as WeekIndex })}>
              {WEEK_INDEXES.map((i) => (
                <option key={i} value={i}>
                  {cadenceStrings.weekIndexes[i]}
                </option>
              ))}
            </Select>
          </Field>
          <Field label={cadenceStrings.labels.weekday} {...field('pattern.dayOfWeek')}>
            <Select
              value={p.dayOfWeek}
              onChange={(_e, d) => setPattern({ ...p, dayOfWeek: d.value as Weekday })}
            >
              {WEEKDAYS.map((w) => (
                <option key={w} value={w}>
                  {cadenceStrings.weekdays[w]}
                </option>
              ))}
            </Select>
          </Field>
        </>
      ) : null}
      <Field label={cadenceStrings.labels.startTime} {...field('startTime')}>
        <Input
          type="time"
          value={value.startTime}
          onBlur={blur('startTime')}
          onChange={(_e, d) => {
            if (HOURS_MINUTES.test(d.value) || d.value === '') set({ startTime: d.value });
          }}
        />
      </Field>
      <Field label={cadenceStrings.labels.duration} {...field('durationMinutes')}>
        <Input
          type="number"
          min={5}
          max={480}
          value={String(value.durationMinutes)}
          onBlur={blur('durationMinutes')}
          onChange={(_e, d) => set({ durationMinutes: Number(d.value) })}
        />
      </Field>
      <Field label={cadenceStrings.labels.timeZone} {...field('timeZone')}>
        <Select
          className={styles.fill}
          value={value.timeZone}
          onChange={(_e, d) => set({ timeZone: d.value })}
        >
          {props.zones.map((z) => (
            <option key={z} value={z}>
              {z}
            </option>
          ))}
        </Select>
      </Field>
      <Field label={cadenceStrings.labels.startDate} {...field('startDate')}>
        <Input
          type="date"
          value={value.startDate}
          onBlur={blur('startDate')}
          onChange={(_e, d) => set({ startDate: d.value })}
        />
      </Field>
      <div className={`${styles.preview} ${styles.wide}`}>
        <Text weight="semibold" block>
          {cadenceStrings.preview}
        </Text>
        {occurrences ? (
          <OccurrenceList
            occurrences={occurrences}
            viewerZone={props.viewerZone}
            teamZone={value.timeZone}
            label={`${cadenceStrings.preview}: ${path}`}
          />
        ) : (
          <Text>{cadenceStrings.previewInvalid}</Text>
        )}
        {notes.map((n) => (
          <Text key={n.localDate} className={styles.note} block data-testid="dst-note">
            {n.kind === 'gap'
              ? cadenceStrings.dstGap(n.startTime, formatLocalDay(n.localDate), n.runsAt)
              : cadenceStrings.dstRepeated(n.startTime, formatLocalDay(n.localDate))}
          </Text>
        ))}
        {quiet ? (
          <Text className={styles.note} block data-testid="quiet-note">
            {cadenceStrings.insideQuietHours(value.startTime, quiet.start, quiet.end)}
          </Text>
        ) : null}
      </div>
    </div>
  );
}
