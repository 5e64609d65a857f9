import { Button, Text } from '@fluentui/react-components';

import { editorStrings } from '../strings/editor';
import { useCharterEditorStyles } from './charter-editor.styles';
import { EditorSection } from './editor-section';
import type { CharterEditorModel } from './use-charter-editor';

/** A team's first charter: start from a short example to rewrite, or from empty clauses. */
export function StartChoice({ editor }: { editor: CharterEditorModel }) {
  const styles = useCharterEditorStyles();
  return (
    <EditorSection editor={editor} name="start" title={editorStrings.start.title}>
      <div className={styles.choice}>
        <div className={styles.choiceItem}>
          <Button appearance="primary" onClick={() => editor.start(true)}>
            {editorStrings.start.example}
          </Button>
          <Text>{editorStrings.start.exampleHint}</Text>
        </div>
        <div className={styles.choiceItem}>
          <Button onClick={() => editor.start(false)}>{editorStrings.start.blank}</Button>
          <Text>{editorStrings.start.blankHint}</Text>
        </div>
      </div>
    </EditorSection>
  );
}
