import { Button, MessageBar, MessageBarBody } from '@fluentui/react-components';
import type { ReactNode } from 'react';

import { charterStrings } from '../strings/charter';
import { editorStrings } from '../strings/editor';
import { mergeStrings } from '../strings/merge';
import { useCharterEditorStyles } from './charter-editor.styles';
import type { ClausePart, ClauseRow } from './editor-rows';
import { MergeConflictCard } from './merge-conflict-card';
import type { CharterEditorModel } from './use-charter-editor';

export interface ClauseListEditorProps<R extends ClauseRow> {
  editor: CharterEditorModel;
  part: ClausePart;
  rows: readonly R[];
  onRowsChange: (rows: R[], changedId?: string) => void;
  newRow: () => R;
  max: number;
  addLabel: string;
  /** The clause's name in the form, e.g. "Outcome 2" (for its remove button and its conflict). */
  rowLabel: (n: number) => string;
  /** The grid of one row's fields and its remove button. */
  layout: string;
  /** One row's fields; `patch` changes that row. */
  renderFields: (row: R, index: number, patch: (change: Partial<R>) => void) => ReactNode;
}

/**
 * One clause list (non-negotiables, outcomes, boundaries): its rows with a remove button each, the add button up to the
 * limit, the message about the list as a whole, and after a merge each clause both sides changed beside its row (a
 * clause I removed and they changed, which has no row, after the list).
 */
export function ClauseListEditor<R extends ClauseRow>(props: ClauseListEditorProps<R>) {
  const styles = useCharterEditorStyles();
  const { editor, part, rows, onRowsChange } = props;
  const listError = editor.listError(part);
  const conflicts = editor.conflictsFor(part);
  const conflictFor = (id: string | undefined) =>
    id ? conflicts.find((c) => c.conflict.id === id) : undefined;
  const elsewhere = conflicts.filter(
    (c) => c.conflict.id === null || !rows.some((r) => r.id === c.conflict.id),
  );
  return (
    <div id={editor.idFor(part)} className={styles.list}>
      {listError ? (
        <MessageBar intent="error" role="alert">
          <MessageBarBody>{listError}</MessageBarBody>
        </MessageBar>
      ) : null}
      {rows.map((row, i) => {
        const patch = (change: Partial<R>): void =>
          onRowsChange(
            rows.map((x) => (x.key === row.key ? { ...x, ...change } : x)),
            row.id,
          );
        const conflict = conflictFor(row.id);
        return (
          <div key={row.key} className={styles.clause}>
            <div className={props.layout}>
              {props.renderFields(row, i, patch)}
              <Button
                className={styles.remove}
                aria-label={editorStrings.removeLabel(props.rowLabel(i + 1))}
                onClick={() =>
                  onRowsChange(
                    rows.filter((x) => x.key !== row.key),
                    row.id,
                  )
                }
              >
                {editorStrings.remove}
              </Button>
            </div>
            {conflict ? (
              <MergeConflictCard editor={editor} pending={conflict} what={props.rowLabel(i + 1)} />
            ) : null}
          </div>
        );
      })}
      {elsewhere.map((c) => (
        <MergeConflictCard
          key={c.key}
          editor={editor}
          pending={c}
          what={c.conflict.id === null ? charterStrings[part] : mergeStrings.removedByYou[part]}
        />
      ))}
      <Button
        className={styles.add}
        disabled={rows.length >= props.max}
        onClick={() => onRowsChange([...rows, props.newRow()])}
      >
        {props.addLabel}
      </Button>
    </div>
  );
}
