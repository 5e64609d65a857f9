import { Field } from '@fluentui/react-components';

import { CHARTER_LIMITS as L, DECISION_RIGHTS } from '../../../domain/charter/charter';
import { charterStrings } from '../strings/charter';
import { editorStrings } from '../strings/editor';
import { useCharterEditorStyles } from './charter-editor.styles';
import { ClauseListEditor } from './clause-list-editor';
import { CountedTextField } from './counted-text-field';
import { newKey } from './editor-rows';
import { EditorSection } from './editor-section';
import { OptionsSelect } from './options-select';
import type { CharterEditorModel } from './use-charter-editor';

/** Outcomes the team owns (each with how it will know) and the boundaries of its decisions. */
export function FlexibleExecutionSection({ editor }: { editor: CharterEditorModel }) {
  const styles = useCharterEditorStyles();
  const text = (path: string, label: string, value: string, max: number, onChange: (v: string) => void) => (
    <CountedTextField
      id={editor.idFor(path)}
      label={label}
      max={max}
      value={value}
      message={editor.errorAt(path, value.length > max)}
      onBlur={() => editor.touch(path)}
      onChange={onChange}
    />
  );
  return (
    <EditorSection editor={editor} name="flexibleExecution" title={charterStrings.flexibleExecution}>
      <h3 className={styles.subheading}>{charterStrings.outcomes}</h3>
      <ClauseListEditor
        editor={editor}
        part="outcomes"
        rows={editor.state.outcomes}
        onRowsChange={(rows, id) => editor.setRows('outcomes', rows, id)}
        newRow={() => ({ key: newKey(), title: '', measure: '' })}
        max={L.outcomesMax}
        addLabel={editorStrings.addOutcome}
        rowLabel={editorStrings.outcomeLabel}
        layout={styles.pair}
        renderFields={(row, i, patch) => (
          <>
            {text(
              `outcomes.${i}.title`,
              editorStrings.outcomeLabel(i + 1),
              row.title,
              L.outcomeTitleMax,
              (title) => patch({ title }),
            )}
            {text(
              `outcomes.${i}.measure`,
              editorStrings.measureLabel(i + 1),
              row.measure,
              L.measureMax,
              (measure) => patch({ measure }),
            )}
          </>
        )}
      />
      <h3 className={styles.subheading}>{charterStrings.boundaries}</h3>
      <ClauseListEditor
        editor={editor}
        part="boundaries"
        rows={editor.state.boundaries}
        onRowsChange={(rows, id) => editor.setRows('boundaries', rows, id)}
        newRow={() => ({ key: newKey(), area: '', right: 'team_decides', note: '' })}
        max={L.boundariesMax}
        addLabel={editorStrings.addBoundary}
        rowLabel={editorStrings.decisionAreaLabel}
        layout={styles.triple}
        renderFields={(row, i, patch) => (
          <>
            {text(
              `boundaries.${i}.area`,
              editorStrings.decisionAreaLabel(i + 1),
              row.area,
              L.boundaryAreaMax,
              (area) => patch({ area }),
            )}
            <Field {...editor.field(`boundaries.${i}.right`, editorStrings.whoDecidesLabel(i + 1))}>
              <OptionsSelect
                id={editor.idFor(`boundaries.${i}.right`)}
                value={row.right}
                options={DECISION_RIGHTS.map((r) => ({ value: r, label: charterStrings.decisionRights[r] }))}
                onSelect={(right) => patch({ right })}
              />
            </Field>
            {text(
              `boundaries.${i}.note`,
              editorStrings.noteLabel(i + 1),
              row.note,
              L.boundaryNoteMax,
              (note) => patch({ note }),
            )}
          </>
        )}
      />
    </EditorSection>
  );
}
