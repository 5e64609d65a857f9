import { CHARTER_LIMITS } from '../../../domain/charter/charter';
import { charterStrings } from '../strings/charter';
import { editorStrings } from '../strings/editor';
import { useCharterEditorStyles } from './charter-editor.styles';
import { ClauseListEditor } from './clause-list-editor';
import { CountedTextField } from './counted-text-field';
import { newKey } from './editor-rows';
import { EditorSection } from './editor-section';
import type { CharterEditorModel } from './use-charter-editor';

export function NonNegotiablesSection({ editor }: { editor: CharterEditorModel }) {
  const styles = useCharterEditorStyles();
  const max = CHARTER_LIMITS.nonNegotiableMax;
  return (
    <EditorSection editor={editor} name="nonNegotiables" title={charterStrings.nonNegotiables}>
      <ClauseListEditor
        editor={editor}
        part="nonNegotiables"
        rows={editor.state.nonNegotiables}
        onRowsChange={(rows, id) => editor.setRows('nonNegotiables', rows, id)}
        newRow={() => ({ key: newKey(), text: '' })}
        max={CHARTER_LIMITS.nonNegotiablesMax}
        addLabel={editorStrings.addNonNegotiable}
        rowLabel={editorStrings.nonNegotiableLabel}
        layout={styles.single}
        renderFields={(row, i, patch) => {
          const path = `nonNegotiables.${i}.text`;
          return (
            <CountedTextField
              id={editor.idFor(path)}
              label={editorStrings.nonNegotiableLabel(i + 1)}
              max={max}
              value={row.text}
              message={editor.errorAt(path, row.text.length > max)}
              onBlur={() => editor.touch(path)}
              onChange={(text) => patch({ text })}
            />
          );
        }}
      />
    </EditorSection>
  );
}
