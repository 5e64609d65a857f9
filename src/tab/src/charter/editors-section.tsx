import { Field } from '@fluentui/react-components';

import { charterStrings } from '../strings/charter';
import { editorStrings } from '../strings/editor';
import { CheckboxGroup } from './checkbox-group';
import { EditorSection } from './editor-section';
import { PartConflicts } from './merge-conflict-card';
import { OptionsSelect } from './options-select';
import type { CharterEditorModel } from './use-charter-editor';

/** The team's time zone and who may change the charter. */
export function EditorsSection({ editor }: { editor: CharterEditorModel }) {
  const { state } = editor;
  // An editor who has left the team still shows, so the rule's "must be members" can be met by unticking them.
  const options = [
    ...editor.members.map((m) => ({ value: m.id, label: m.name })),
    ...state.editorIds
      .filter((id) => !editor.members.some((m) => m.id === id))
      .map((id) => ({ value: id, label: editorStrings.formerMember(id) })),
  ];
  return (
    <EditorSection editor={editor} name="editors" title={charterStrings.editors}>
      <Field {...editor.field('timeZone', editorStrings.teamTimeZone)}>
        <OptionsSelect
          id={editor.idFor('timeZone')}
          value={state.timeZone}
          options={editor.zones.map((z) => ({ value: z, label: z }))}
          onSelect={(timeZone) => editor.update({ timeZone })}
        />
      </Field>
      <PartConflicts editor={editor} part="timeZone" what={editorStrings.teamTimeZone} />
      <CheckboxGroup
        id={editor.idFor('editorIds')}
        legend={editorStrings.whoMayEdit}
        options={options}
        checked={state.editorIds}
        message={editor.groupError('editorIds')}
        onToggle={(id, checked) =>
          editor.update({
            editorIds: checked ? [...state.editorIds, id] : state.editorIds.filter((x) => x !== id),
          })
        }
      />
    </EditorSection>
  );
}
