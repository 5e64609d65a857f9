import { Field, Input, Select, Switch } from '@fluentui/react-components';

import { CHARTER_LIMITS } from '../../../domain/charter/charter';
import { charterStrings } from '../strings/charter';
import { editorStrings } from '../strings/editor';
import { CadencePicker } from './cadence-picker';
import { useCharterEditorStyles } from './charter-editor.styles';
import { EditorSection } from './editor-section';
import { PartConflicts } from './merge-conflict-card';
import type { CharterEditorModel } from './use-charter-editor';

/** The check-in contract: when rounds run, how many answers before results show, quiet hours, who sees names. */
export function CheckInsSection({ editor }: { editor: CharterEditorModel }) {
  const styles = useCharterEditorStyles();
  const checkIns = editor.state.checkIns;
  const { field, idFor } = editor;
  const quiet = checkIns?.quietHours ?? null;
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
          <div id={idFor('checkIns.cadence')}>
            <CadencePicker
              path="checkIns.cadence"
              value={checkIns.cadence}
              onChange={(cadence) => editor.patchCheckIns({ cadence })}
              errorAt={(path) => editor.errorAt(path)}
              onBlurPath={editor.touch}
              viewerZone={editor.viewerZone}
              zones={editor.zones}
              now={editor.now}
              quietHours={quiet}
            />
          </div>
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
            <Field {...field('checkIns.quietHours.start', editorStrings.quietHoursFrom)}>
              <Input
                id={idFor('checkIns.quietHours.start')}
                type="time"
                value={quiet?.start ?? ''}
                onChange={(_e, d) =>
                  editor.patchCheckIns({
                    quietHours: d.value ? { start: d.value, end: quiet?.end ?? '08:00' } : null,
                  })
                }
              />
            </Field>
            <Field {...field('checkIns.quietHours.end', editorStrings.quietHoursUntil)}>
              <Input
                id={idFor('checkIns.quietHours.end')}
                type="time"
                value={quiet?.end ?? ''}
                onChange={(_e, d) =>
                  editor.patchCheckIns({
                    quietHours: d.value ? { start: quiet?.start ?? '19:00', end: d.value } : null,
                  })
                }
              />
            </Field>
            <Field {...field('checkIns.namedAnswersVisibleTo', editorStrings.namedAnswersVisibleTo)}>
              <Select
                id={idFor('checkIns.namedAnswersVisibleTo')}
                value={checkIns.namedAnswersVisibleTo}
                onChange={(_e, d) =>
                  editor.patchCheckIns({ namedAnswersVisibleTo: d.value as 'team' | 'editors' })
                }
              >
                <option value="team">{editorStrings.namedAudiences.team}</option>
                <option value="editors">{editorStrings.namedAudiences.editors}</option>
              </Select>
            </Field>
          </div>
        </>
      ) : null}
      <PartConflicts editor={editor} part="checkIns" what={charterStrings.checkInContract} />
    </EditorSection>
  );
}
