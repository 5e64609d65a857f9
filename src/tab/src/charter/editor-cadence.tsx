import type { Cadence } from '../../../domain/cadence/cadence';
import type { QuietHours } from '../../../domain/charter/charter';
import { CadencePicker } from './cadence-picker';
import type { CharterEditorModel } from './use-charter-editor';

/** A cadence of the charter in the editor, at `path`: its errors, zones and clock are the editor's. */
export function EditorCadence(props: {
  editor: CharterEditorModel;
  path: 'checkIns.cadence' | 'review.cadence';
  value: Cadence;
  onChange: (cadence: Cadence) => void;
  quietHours?: QuietHours | null;
}) {
  const { editor, path } = props;
  return (
    <div id={editor.idFor(path)}>
      <CadencePicker
        path={path}
        value={props.value}
        onChange={props.onChange}
        errorAt={(p) => editor.errorAt(p)}
        onBlurPath={editor.touch}
        viewerZone={editor.viewerZone}
        zones={editor.zones}
        now={editor.now}
        quietHours={props.quietHours}
      />
    </div>
  );
}
