import { Field, Input, Switch } from '@fluentui/react-components';

import { CHARTER_LIMITS, NAMED_ANSWER_AUDIENCES, type QuietHours } from '../../../domain/charter/charter';
import { charterStrings } from '../strings/charter';
import { editorStrings } from '../strings/editor';
import { useCharterEditorStyles } from './charter-editor.styles';
import { EditorCadence } from './editor-cadence';
import { EditorSection } from './editor-section';
import { PartConflicts } from './merge-conflict-card';
import { OptionsSelect } from './options-select';
import type { CharterEditorModel } from './use-charter-editor';

/** The check-in contract: when rounds run, how many answers before results show, quiet hours, who sees names. */
export function CheckInsSection({ editor }: { editor: CharterEditorModel }) {
  const styles = useCharterEditorStyles();
  const checkIns = editor.state.checkIns;
  const { field, idFor } = editor;
  const quiet = checkIns?.quietHours ?? null;
  // Clearing either end turns quiet hours off; setting one fills the other with its default.
  const quietHoursField = (end: keyof QuietHours, label: string) => (
    <Field {...field(`checkIns.quietHours.${end}`, label)}>
      <Input
        id={idFor(`checkIns.quietHours.${end}`)}
        type="time"
        value={quiet?.[end] ?? ''}
        onChange={(_e, d) =>
          editor.patchCheckIns({
            quietHours: d.value
              ? { start: quiet?.start ?? '19:00', end: quiet?.end ?? '08:00', [end]: d.value }
              : null,
          })
        }
      />
    </Field>
  );
  return (
    <EditorSection editor={editor} name="checkIns" title={charterStrings.checkIns}>
      <Switch
        id={idFor('checkIns.enabled')}
        label={editorStrings.runCheckIns}
        checked={checkIns !== null}
        onChange={(_e, d) => editor.toggleCheckIns(d.checked)}
      />
      {checkIns ? (
        <>
          <EditorCadence
            editor={editor}
            path="checkIns.cadence"
            value={checkIns.cadence}
            onChange={(cadence) => editor.patchCheckIns({ cadence })}
            quietHours={quiet}
          />
          <div className={styles.grid}>
            <Field {...field('checkIns.anonymityMinimum', editorStrings.anonymityMinimum)}>
              <Input
                id={idFor('checkIns.anonymityMinimum')}
                type="number"
                min={CHARTER_LIMITS.anonymityMinimumMin}
                max={CHARTER_LIMITS.anonymityMinimumMax}
                value={String(checkIns.anonymityMinimum)}
                onBlur={() => editor.touch('checkIns.anonymityMinimum')}
                onChange={(_e, d) => editor.patchCheckIns({ anonymityMinimum: Number(d.value) })}
              />
            </Field>
            {quietHoursField('start', editorStrings.quietHoursFrom)}
            {quietHoursField('end', editorStrings.quietHoursUntil)}
            <Field {...field('checkIns.namedAnswersVisibleTo', editorStrings.namedAnswersVisibleTo)}>
              <OptionsSelect
                id={idFor('checkIns.namedAnswersVisibleTo')}
                value={checkIns.namedAnswersVisibleTo}
                options={NAMED_ANSWER_AUDIENCES.map((a) => ({
                  value: a,
                  label: editorStrings.namedAudiences[a],
                }))}
                onSelect={(namedAnswersVisibleTo) => editor.patchCheckIns({ namedAnswersVisibleTo })}
              />
            </Field>
          </div>
        </>
      ) : null}
      <PartConflicts editor={editor} part="checkIns" what={charterStrings.checkInContract} />
    </EditorSection>
  );
}
