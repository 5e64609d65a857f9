import { Button, Divider, MessageBar, MessageBarBody, Text } from '@fluentui/react-components';

import { CHARTER_LIMITS } from '../../../domain/charter/charter';
import { editorStrings } from '../strings/editor';
import { mergeStrings } from '../strings/merge';
import { useCharterEditorStyles } from './charter-editor.styles';
import { CountedTextField } from './counted-text-field';
import { ProblemSummary } from './problem-summary';
import type { CharterEditorModel } from './use-charter-editor';

/** Why this change, what stops the save (fields in error, parts changed on both sides), and the buttons. */
export function SaveBar({ editor }: { editor: CharterEditorModel }) {
  const styles = useCharterEditorStyles();
  const { failure, why } = editor;
  const max = CHARTER_LIMITS.whyMax;
  const pendingId = editor.idFor('pending-conflicts');
  return (
    <>
      <Divider />
      <CountedTextField
        id={editor.idFor('why')}
        label={editorStrings.why}
        hint={editorStrings.whyHint}
        multiline
        max={max}
        value={why}
        message={editor.errorAt('why', why.length > max)}
        onBlur={() => editor.touch('why')}
        onChange={editor.setWhy}
      />
      {failure?.kind === 'problems' ? <ProblemSummary editor={editor} problems={failure.problems} /> : null}
      {failure?.kind === 'message' ? (
        <MessageBar intent="error" role="alert">
          <MessageBarBody>{failure.text}</MessageBarBody>
        </MessageBar>
      ) : null}
      {editor.pendingCount > 0 ? (
        <Text id={pendingId}>{mergeStrings.settleFirst(editor.pendingCount)}</Text>
      ) : null}
      <div className={styles.actions}>
        <Button
          ref={editor.saveRef}
          appearance="primary"
          type="submit"
          disabled={!editor.canSave}
          aria-describedby={editor.pendingCount > 0 ? pendingId : undefined}
        >
          {editor.saving ? editorStrings.saving : editor.isCreate ? editorStrings.create : editorStrings.save}
        </Button>
        <Button onClick={editor.onCancel}>{editorStrings.cancel}</Button>
      </div>
    </>
  );
}
