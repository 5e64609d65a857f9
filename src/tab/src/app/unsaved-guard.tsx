import {
  Button,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
} from '@fluentui/react-components';
import { strings } from '../strings';

/** Asks before leaving unsaved edits: inside the tab (a message with two choices) and when the page unloads. */
export function UnsavedGuard(props: { onDiscard: () => void; onKeep: () => void }) {
  return (
    <MessageBar intent="warning" role="alertdialog" aria-label={strings.unsavedTitle}>
      <MessageBarBody>
        <MessageBarTitle>{strings.unsavedTitle}</MessageBarTitle>
        {strings.unsavedBody}
      </MessageBarBody>
      <MessageBarActions>
        <Button appearance="primary" onClick={props.onDiscard}>
          {strings.discard}
        </Button>
        <Button onClick={props.onKeep}>{strings.keepEditing}</Button>
      </MessageBarActions>
    </MessageBar>
  );
}
