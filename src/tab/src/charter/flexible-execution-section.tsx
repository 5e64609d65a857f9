import { Field, Select } from '@fluentui/react-components';
import { CHARTER_LIMITS as L, DECISION_RIGHTS, type DecisionRight } from '../../../domain/charter/charter';
import { strings } from '../strings';
import { useCharterEditorStyles } from './charter-editor.styles';
import { ClauseListEditor } from './clause-list-editor';
import { CountedTextField } from './counted-text-field';
import { EditorSection } from './editor-section';
import { newKey } from './editor-state';
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
    <EditorSection editor={editor} name="flexibleExecution" title={strings.flexibleExecution}>
      <h3 className={styles.subheading}>{strings.outcomes}</h3>
      <ClauseListEditor
        editor={editor}
        part="outcomes"
        rows={editor.state.outcomes}
        onRowsChange={(rows, id) => editor.setRows('outcomes', rows, id)}
        newRow={() => ({ key: newKey(), title: '', measure: '' })}
        max={L.outcomesMax}
        addLabel={strings.addOutcome}
        rowLabel={strings.outcomeLabel}
        layout={styles.pair}
        renderFields={(row, i, patch) => (
          <>
            {text(`outcomes.${i}.title`, strings.outcomeLabel(i + 1), row.title, L.outcomeTitleMax, (title) =>
              patch({ title }),
            )}
            {text(
              `outcomes.${i}.measure`,
              strings.measureLabel(i + 1),
              row.measure,
              L.measureMax,
              (measure) => patch({ measure }),
            )}
          </>
        )}
      />
      <h3 className={styles.subheading}>{strings.boundaries}</h3>
      <ClauseListEditor
        editor={editor}
        part="boundaries"
        rows={editor.state.boundaries}
        onRowsChange={(rows, id) => editor.setRows('boundaries', rows, id)}
        newRow={() => ({ key: newKey(), area: '', right: 'team_decides', note: '' })}
        max={L.boundariesMax}
        addLabel={strings.addBoundary}
        rowLabel={strings.boundaryLabel}
        layout={styles.triple}
        renderFields={(row, i, patch) => (
          <>
            {text(`boundaries.${i}.area`, strings.boundaryLabel(i + 1), row.area, L.boundaryAreaMax, (area) =>
              patch({ area }),
            )}
            <Field {...editor.field(`boundaries.${i}.right`, strings.rightLabel(i + 1))}>
              <Select
                id={editor.idFor(`boundaries.${i}.right`)}
                value={row.right}
                onChange={(_e, d) => patch({ right: d.value as DecisionRight })}
              >
                {DECISION_RIGHTS.map((r) => (
                  <option key={r} value={r}>
                    {strings.decisionRights[r]}
                  </option>
                ))}
              </Select>
            </Field>
            {text(`boundaries.${i}.note`, strings.noteLabel(i + 1), row.note, L.boundaryNoteMax, (note) =>
              patch({ note }),
            )}
          </>
        )}
      />
    </EditorSection>
  );
}
