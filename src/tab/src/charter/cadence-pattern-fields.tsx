import { Field, Input } from '@fluentui/react-components';

import type { Cadence, CadencePattern } from '../../../domain/cadence/cadence';
import { WEEK_INDEXES, WEEKDAYS } from '../../../domain/cadence/cadence';
import { cadenceStrings } from '../strings/cadence';
import { useCadencePickerStyles } from './cadence-picker.styles';
import { CheckboxGroup } from './checkbox-group';
import { OptionsSelect } from './options-select';
import type { CadencePickerModel } from './use-cadence-picker';

const PATTERN_KINDS = ['weekly', 'monthlyOnDate', 'monthlyOnPosition'] as const;

/** The 1st to the 28th, then the month's last day. */
const DAYS_OF_MONTH = [
  ...Array.from({ length: 28 }, (_, i) => ({ value: String(i + 1), label: String(i + 1) })),
  { value: 'last', label: cadenceStrings.lastDay },
];

/** A new pattern of `kind`, keeping the interval (a weekly one repeats every four weeks at most). */
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

/** How the cadence repeats: its kind, every how many weeks or months, and on which days. */
export function CadencePatternFields({ picker, value }: { picker: CadencePickerModel; value: Cadence }) {
  const styles = useCadencePickerStyles();
  const { field, setPattern } = picker;
  const p = value.pattern;
  return (
    <>
      <Field label={cadenceStrings.labels.pattern} {...field('pattern.kind')}>
        <OptionsSelect
          value={p.kind}
          options={PATTERN_KINDS.map((k) => ({ value: k, label: cadenceStrings.patternKinds[k] }))}
          onSelect={(kind) => setPattern(patternFor(kind, p.interval))}
        />
      </Field>
      <Field label={cadenceStrings.labels.interval} {...field('pattern.interval')}>
        <Input
          type="number"
          min={1}
          max={p.kind === 'weekly' ? 4 : 12}
          value={String(p.interval)}
          onBlur={picker.blur('pattern.interval')}
          onChange={(_e, d) => setPattern({ ...p, interval: Number(d.value) })}
        />
      </Field>
      {p.kind === 'weekly' ? (
        <div className={styles.wide}>
          <CheckboxGroup
            id={picker.daysId}
            legend={cadenceStrings.labels.days}
            options={WEEKDAYS.map((day) => ({ value: day, label: cadenceStrings.weekdays[day] }))}
            checked={p.daysOfWeek}
            message={picker.errorAt('pattern.daysOfWeek')}
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
          <OptionsSelect
            value={String(p.dayOfMonth)}
            options={DAYS_OF_MONTH}
            onSelect={(day) => setPattern({ ...p, dayOfMonth: day === 'last' ? 'last' : Number(day) })}
          />
        </Field>
      ) : null}
      {p.kind === 'monthlyOnPosition' ? (
        <>
          <Field label={cadenceStrings.labels.position} {...field('pattern.index')}>
            <OptionsSelect
              value={p.index}
              options={WEEK_INDEXES.map((i) => ({ value: i, label: cadenceStrings.weekIndexes[i] }))}
              onSelect={(index) => setPattern({ ...p, index })}
            />
          </Field>
          <Field label={cadenceStrings.labels.weekday} {...field('pattern.dayOfWeek')}>
            <OptionsSelect
              value={p.dayOfWeek}
              options={WEEKDAYS.map((w) => ({ value: w, label: cadenceStrings.weekdays[w] }))}
              onSelect={(dayOfWeek) => setPattern({ ...p, dayOfWeek })}
            />
          </Field>
        </>
      ) : null}
    </>
  );
}
