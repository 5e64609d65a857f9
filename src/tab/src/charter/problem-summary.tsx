import { Link, MessageBar, MessageBarBody, MessageBarTitle } from '@fluentui/react-components';

import type { FieldProblem } from '../../../contract/api-types';
import { editorStrings } from '../strings/editor';
import { useCharterEditorStyles } from './charter-editor.styles';
import { fieldLabel } from './field-labels';
import type { CharterEditorModel } from './use-charter-editor';

/** "N fields need attention", with a link to each of them in the form's order; a link moves the focus there. */
export function ProblemSummary({
  editor,
  problems,
}: {
  editor: CharterEditorModel;
  problems: FieldProblem[];
}) {
  const styles = useCharterEditorStyles();
  return (
    <MessageBar intent="error" layout="multiline" role="alert">
      <MessageBarBody>
        <MessageBarTitle>{editorStrings.fieldsNeedAttention(problems.length)}</MessageBarTitle>
        <ul className={styles.problemList} aria-label={editorStrings.problemLinks}>
          {problems.map((p, i) => (
            <li key={`${p.path}-${i}`}>
              <Link
                href={`#${editor.idFor(p.path)}`}
                onClick={(e) => {
                  e.preventDefault();
                  editor.focusField(p.path);
                }}
              >
                {editorStrings.problemLink(fieldLabel(p.path), p.message)}
              </Link>
            </li>
          ))}
        </ul>
      </MessageBarBody>
    </MessageBar>
  );
}
