/**
 * The slot suggestions' state: nothing asked yet, asking, the slots (at most three, best first) or why there are none,
 * and what the chosen one did to the cadence. Only the latest answer counts.
 */
import { useRef, useState } from 'react';

import type { SuggestedSlot } from '../../../contract/api-types';
import { ApiError } from '../api/api-errors';
import { appStrings } from '../strings/app';
import { cadenceStrings } from '../strings/cadence';
import { slotSuggestionStrings } from '../strings/slot-suggestions';
import { suggestSlots } from './reviews-api';
import type { SlotSuggestionsProps } from './slot-suggestions.types';
import { requestDuration, wallClock, withSlot } from './slot-time';

export type View =
  | { kind: 'idle' }
  | { kind: 'loading' }
  | { kind: 'failed'; message: string }
  | { kind: 'done'; slots: SuggestedSlot[] };

function failureMessage(error: unknown): string {
  if (error instanceof ApiError) {
    if (error.status === 403) return appStrings.notAnEditor;
    const field = error.problem.errors?.[0]?.message;
    return field ?? error.problem.detail;
  }
  return error instanceof Error ? error.message : appStrings.loadFailed;
}

export function useSlotSuggestions({ api, teamId, cadence, organizerId, onChange }: SlotSuggestionsProps) {
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

  return { view, used, suggest, choose };
}
