/**
 * The cadence picker's state: changes to the cadence or its pattern, each field's error and blur by its path under
 * `path`, and what the preview shows (the next five occurrences, their DST notes, a start inside the quiet hours).
 */
import { useId } from 'react';

import type { Cadence, CadencePattern } from '../../../domain/cadence/cadence';
import { dstNotes } from '../../../domain/cadence/dst-notes';
import { parseLocalTime } from '../../../domain/cadence/local-date';
import { isQuietMinute } from '../../../domain/checkin/quiet-hours';
import type { CadencePickerProps } from './cadence-picker.types';
import { safeNextOccurrences } from './cadence-text';

export function useCadencePicker(props: CadencePickerProps) {
  const { value, path, onChange, errorAt } = props;
  const set = (patch: Partial<Cadence>): void => onChange({ ...value, ...patch });
  const occurrences = safeNextOccurrences(value, props.now, 5);
  const startMinute = parseLocalTime(value.startTime);
  const daysId = `${useId().replace(/:/g, '')}-days`;
  return {
    set,
    setPattern: (pattern: CadencePattern): void => set({ pattern }),
    /** A Field's error for the cadence's field `sub` (e.g. `pattern.interval`). */
    field: (sub: string) => {
      const message = errorAt(`${path}.${sub}`);
      return message ? { validationMessage: message, validationState: 'error' as const } : {};
    },
    errorAt: (sub: string) => errorAt(`${path}.${sub}`),
    blur: (sub: string) => () => props.onBlurPath(`${path}.${sub}`),
    daysId,
    occurrences,
    notes: occurrences ? dstNotes(value, occurrences) : [],
    /** The quiet hours the start time falls inside, if it does. */
    quiet:
      props.quietHours && startMinute !== undefined && isQuietMinute(startMinute, props.quietHours)
        ? props.quietHours
        : null,
  };
}

export type CadencePickerModel = ReturnType<typeof useCadencePicker>;
