import { appStrings } from '../strings/app';
import { ConfirmBar } from './confirm-bar';

/**
 * Asks before leaving unsaved edits (another view, or in the sandbox another member or team); keeping them is the
 * safe choice.
 */
export function UnsavedGuard(props: { onDiscard: () => void; onKeep: () => void }) {
  return (
    <ConfirmBar
      title={appStrings.unsavedChanges.title}
      body={appStrings.unsavedChanges.body}
      safe={{ label: appStrings.unsavedChanges.keepEditing, onClick: props.onKeep }}
      risky={{ label: appStrings.unsavedChanges.discard, onClick: props.onDiscard }}
    />
  );
}
