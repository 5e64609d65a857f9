import {
  Button,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
} from '@fluentui/react-components';
import { strings } from '../strings';

/**
 * Asks before leaving unsaved edits (another view, or in the sandbox another member or team): a message with two
 * choices. Keeping the edits is the primary, focused choice, so a stray Enter never throws work away.
 */
export function UnsavedGuard(props: { onDiscard: () => void; onKeep: () => void }) {
  return (
    <MessageBar intent="warning" role="alertdialog" aria-label={strings.unsavedTitle}>
      <MessageBarBody>
        <MessageBarTitle>{strings.unsavedTitle}</MessageBarTitle>
        {strings.unsavedBody}
      </MessageBarBody>
      <MessageBarActions>
        <Button appearance="primary" onClick={props.onKeep} autoFocus>
          {strings.keepEditing}
        </Button>
        <Button onClick={props.onDiscard}>{strings.discard}</Button>
      </MessageBarActions>
    </MessageBar>
  );
}
