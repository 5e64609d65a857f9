import { ConfirmBar } from '../app/confirm-bar';
import { strings } from '../strings';

/** Asks an editor who unticked themselves before the save that takes away their right to edit; Cancel is the safe choice. */
export function SelfRemovalDialog(props: { open: boolean; onCancel: () => void; onConfirm: () => void }) {
  if (!props.open) return null;
  return (
    <ConfirmBar
      title={strings.removeSelfTitle}
      body={strings.removeSelfBody}
      safe={{ label: strings.cancel, onClick: props.onCancel }}
      risky={{ label: strings.removeSelfConfirm, onClick: props.onConfirm }}
    />
  );
}
