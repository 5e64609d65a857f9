import { ConfirmBar } from '../app/confirm-bar';
import { editorStrings } from '../strings/editor';

/** Asks an editor who unticked themselves before the save that takes away their right to edit; Cancel is the safe choice. */
export function SelfRemovalDialog(props: { open: boolean; onCancel: () => void; onConfirm: () => void }) {
  if (!props.open) return null;
  return (
    <ConfirmBar
      title={editorStrings.removeSelf.title}
      body={editorStrings.removeSelf.body}
      safe={{ label: editorStrings.cancel, onClick: props.onCancel }}
      risky={{ label: editorStrings.removeSelf.confirm, onClick: props.onConfirm }}
    />
  );
}
