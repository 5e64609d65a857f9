import { strings } from '../strings';
import { ConfirmBar } from './confirm-bar';

/**
 * Asks before leaving unsaved edits (another view, or in the sandbox another member or team); keeping them is the
 * safe choice.
 */
export function UnsavedGuard(props: { onDiscard: () => void; onKeep: () => void }) {
  return (
    <ConfirmBar
      title={strings.unsavedTitle}
      body={strings.unsavedBody}
      safe={{ label: strings.keepEditing, onClick: props.onKeep }}
      risky={{ label: strings.discard, onClick: props.onDiscard }}
    />
  );
}
