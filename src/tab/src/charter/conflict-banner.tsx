import {
  Button,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
} from '@fluentui/react-components';

import { DiffView } from '../history/diff-view';
import { mergeStrings } from '../strings/merge';
import type { SaveConflict } from './charter-editor.types';
import type { CharterEditorModel } from './use-charter-editor';

/** After a 412: what the version saved meanwhile changed, and the button that merges it into the editor's work. */
export function ConflictBanner({ editor, conflict }: { editor: CharterEditorModel; conflict: SaveConflict }) {
  return (
    <MessageBar
      intent="warning"
      layout="multiline"
      data-testid="conflict"
      ref={editor.conflictRef}
      tabIndex={-1}
    >
      <MessageBarBody>
        <MessageBarTitle>{mergeStrings.title}</MessageBarTitle>
        {mergeStrings.body(conflict.latest.version, conflict.latest.updatedBy.name)}
        <DiffView diff={conflict.diff} members={editor.members} />
      </MessageBarBody>
      <MessageBarActions>
        <Button appearance="primary" onClick={editor.mergeTheirs}>
          {mergeStrings.mergeTheirs}
        </Button>
      </MessageBarActions>
    </MessageBar>
  );
}
