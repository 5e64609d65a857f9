import { Field, Input, Select } from '@fluentui/react-components';

import type { Cadence, CadencePattern, Weekday, WeekIndex } from '../../../domain/cadence/cadence';
import { WEEK_INDEXES, WEEKDAYS } from '../../../domain/cadence/cadence';
import { cadenceStrings } from '../strings/cadence';
import { useCadencePickerStyles } from './cadence-picker.styles';
import { CheckboxGroup } from './checkbox-group';
import type { CadencePickerModel } from './use-cadence-picker';

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
    </>
  );
}
