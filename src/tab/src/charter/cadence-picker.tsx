import { Field, Input } from '@fluentui/react-components';
import { useMemo } from 'react';

import { cadenceStrings } from '../strings/cadence';
import { CadencePatternFields } from './cadence-pattern-fields';
import { useCadencePickerStyles } from './cadence-picker.styles';
import type { CadencePickerProps } from './cadence-picker.types';
import { CadencePreview } from './cadence-preview';
import { OptionsSelect } from './options-select';
import { useCadencePicker } from './use-cadence-picker';

const HOURS_MINUTES = /^\d{2}:\d{2}$/;

/** Picks a cadence and previews its next five occurrences in the viewer's zone and the cadence's own. */
export function CadencePicker(props: CadencePickerProps) {
  const styles = useCadencePickerStyles();
  const picker = useCadencePicker(props);
  const { value } = props;
  const { field, blur, set } = picker;
  // The 400-odd zones, made once: the select then keeps its options as they are while the rest of the form changes.
  const zoneOptions = useMemo(() => props.zones.map((z) => ({ value: z, label: z })), [props.zones]);
  return (
    <div className={styles.grid}>
      <CadencePatternFields picker={picker} value={value} />
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
        <OptionsSelect
          className={styles.fill}
          value={value.timeZone}
          options={zoneOptions}
          onSelect={(timeZone) => set({ timeZone })}
        />
      </Field>
      <Field label={cadenceStrings.labels.startDate} {...field('startDate')}>
        <Input
          type="date"
          value={value.startDate}
          onBlur={blur('startDate')}
          onChange={(_e, d) => set({ startDate: d.value })}
        />
      </Field>
      <CadencePreview picker={picker} value={value} path={props.path} viewerZone={props.viewerZone} />
    </div>
  );
}
