import { CHARTER_LIMITS } from '../../../domain/charter/charter';
import { charterStrings } from '../strings/charter';
import { editorStrings } from '../strings/editor';
import { CountedTextField } from './counted-text-field';
import { EditorSection } from './editor-section';
import { PartConflicts } from './merge-conflict-card';
import type { CharterEditorModel } from './use-charter-editor';

export function PurposeSection({ editor }: { editor: CharterEditorModel }) {
  const { purpose } = editor.state;
  return (
    <EditorSection editor={editor} name="purpose" title={charterStrings.purpose}>
      <CountedTextField
        id={editor.idFor('purpose')}
        label={charterStrings.purpose}
        hint={editorStrings.purposeHint}
        required
        multiline
        rows={3}
        max={CHARTER_LIMITS.purposeMax}
        value={purpose}
        message={editor.errorAt('purpose', purpose.length > CHARTER_LIMITS.purposeMax)}
        onBlur={() => editor.touch('purpose')}
        onChange={(value) => editor.update({ purpose: value })}
      />
      <PartConflicts editor={editor} part="purpose" what={charterStrings.purpose} />
    </EditorSection>
  );
}
