import { Badge, Button, Text } from '@fluentui/react-components';

import type { SuggestedSlot } from '../../../contract/api-types';
import { formatDateTime } from '../format';
import { slotSuggestionStrings } from '../strings/slot-suggestions';
import { useSlotSuggestionsStyles } from './slot-suggestions.styles';
import { personTime } from './slot-time';

/**
 * The suggested slots, best first: each in the viewer's time, how many it leaves out, every person's own time (and
 * who would be outside their working hours or busy), and the button that puts it into the cadence.
 */
export function SuggestedSlotList({
  slots,
  viewerZone,
  onChoose,
}: {
  slots: readonly SuggestedSlot[];
  viewerZone: string;
  onChoose: (slot: SuggestedSlot) => void;
}) {
  const styles = useSlotSuggestionsStyles();
  return (
    <ol className={styles.slots} aria-label={slotSuggestionStrings.slots}>
      {slots.map((slot) => {
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
              onClick={() => onChoose(slot)}
            >
              {slotSuggestionStrings.use}
            </Button>
          </li>
        );
      })}
    </ol>
  );
}
