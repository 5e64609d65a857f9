/**
 * "Suggest times" beside the review cadence in the editor: asks the API for the three least-bad slots, ranked the way
 * Outlook's scheduling assistant ranks them (fewest people outside their working hours or busy, then earliest; from
 * getSchedule on the organizer's mailbox), shows each with every person's local time and who would be outside their
 * hours or busy, and fills the cadence's weekday and start time from the chosen one. Loaded lazily with the editor's
 * review section. State in use-slot-suggestions.ts.
 */
import {
  Button,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Spinner,
  Text,
} from '@fluentui/react-components';

import { slotSuggestionStrings } from '../strings/slot-suggestions';
import { useSlotSuggestionsStyles } from './slot-suggestions.styles';
import type { SlotSuggestionsProps } from './slot-suggestions.types';
import { SuggestedSlotList } from './suggested-slot-list';
import { useSlotSuggestions } from './use-slot-suggestions';

export default function SlotSuggestions(props: SlotSuggestionsProps) {
  const styles = useSlotSuggestionsStyles();
  const { view, used, suggest, choose } = useSlotSuggestions(props);

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
        <SuggestedSlotList slots={view.slots} viewerZone={props.viewerZone} onChoose={choose} />
      ) : null}
      {used ? (
        <Text role="status" block>
          {used}
        </Text>
      ) : null}
    </div>
  );
}
