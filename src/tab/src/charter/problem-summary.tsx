import { Link, MessageBar, MessageBarBody, MessageBarTitle } from '@fluentui/react-components';
import type { FieldProblem } from '../../../shared/api-types';
import { strings } from '../strings';
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
        <MessageBarTitle>{strings.fixErrors(problems.length)}</MessageBarTitle>
        <ul className={styles.problemList} aria-label={strings.problemLinks}>
          {problems.map((p, i) => (
            <li key={`${p.path}-${i}`}>
              <Link
                href={`#${editor.idFor(p.path)}`}
                onClick={(e) => {
                  e.preventDefault();
                  editor.focusField(p.path);
                }}
              >
                {strings.problemLink(fieldLabel(p.path), p.message)}
              </Link>
            </li>
          ))}
        </ul>
      </MessageBarBody>
    </MessageBar>
  );
}
