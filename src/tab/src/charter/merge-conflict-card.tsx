import { Button, Text, useId } from '@fluentui/react-components';

import { mergeStrings } from '../strings/merge';
import { useCharterEditorStyles } from './charter-editor.styles';
import { describeMergeValue } from './describe-merge-value';
import type { PendingConflict } from './merge-state';
import type { CharterEditorModel } from './use-charter-editor';

/**
 * A clause or part both sides changed, beside it in the form: mine and theirs side by side, and the two ways out.
 * Editing the field itself settles it too (the hook does that).
 */
export function MergeConflictCard(props: {
  editor: CharterEditorModel;
  pending: PendingConflict;
  what: string;
}) {
  const styles = useCharterEditorStyles();
  const { editor, pending } = props;
  const titleId = useId('merge-conflict-');
  const { part, mine, theirs } = pending.conflict;
  const by = editor.theirs;
  const side = (heading: string, value: unknown) => (
    <div className={styles.side}>
      <Text weight="semibold">{heading}</Text>
      {describeMergeValue(part, value, editor.members).map((line, i) => (
        <p key={i} className={styles.sideLines}>
          {line}
        </p>
      ))}
    </div>
  );
  return (
    <div
      className={styles.conflict}
      role="group"
      aria-labelledby={titleId}
      tabIndex={-1}
      data-merge-conflict={editor.idBase}
    >
      <Text weight="semibold" id={titleId}>
        {mergeStrings.changedOnBothSides(props.what)}
      </Text>
      <div className={styles.sides}>
        {side(mergeStrings.yours, mine)}
        {side(by ? mergeStrings.theirs(by.updatedBy.name, by.version) : '', theirs)}
      </div>
      <div className={styles.actions}>
        <Button onClick={() => editor.resolve(pending.key, 'mine')}>{mergeStrings.keepMine}</Button>
        <Button onClick={() => editor.resolve(pending.key, 'theirs')}>{mergeStrings.takeTheirs}</Button>
      </div>
    </div>
  );
}

/** The conflicts about a whole part (the purpose, a cadence, the team's zone), under that part's fields. */
export function PartConflicts(props: {
  editor: CharterEditorModel;
  part: 'purpose' | 'timeZone' | 'checkIns' | 'review';
  what: string;
}) {
  return (
    <>
      {props.editor.conflictsFor(props.part).map((p) => (
        <MergeConflictCard key={p.key} editor={props.editor} pending={p} what={props.what} />
      ))}
    </>
  );
}
