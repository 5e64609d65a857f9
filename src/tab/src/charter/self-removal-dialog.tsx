import {
  Button,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
} from '@fluentui/react-components';
import { strings } from '../strings';

/**
 * Asks an editor who unticked themselves before the save that takes away their right to edit. Inline beside the save
 * button, like the unsaved-changes guard: the safe choice (Cancel) is the primary, focused one, so a stray Enter never
 * locks anyone out.
 */
export function SelfRemovalDialog(props: { open: boolean; onCancel: () => void; onConfirm: () => void }) {
  if (!props.open) return null;
  return (
    <MessageBar intent="warning" layout="multiline" role="alertdialog" aria-label={strings.removeSelfTitle}>
      <MessageBarBody>
        <MessageBarTitle>{strings.removeSelfTitle}</MessageBarTitle>
        {strings.removeSelfBody}
      </MessageBarBody>
      <MessageBarActions>
        <Button appearance="primary" onClick={props.onCancel} autoFocus>
          {strings.cancel}
        </Button>
        <Button onClick={props.onConfirm}>{strings.removeSelfConfirm}</Button>
      </MessageBarActions>
    </MessageBar>
  );
}
