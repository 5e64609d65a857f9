import { Button, Text } from '@fluentui/react-components';
import { strings } from '../strings';
import { useCharterEditorStyles } from './charter-editor.styles';
import { EditorSection } from './editor-section';
import type { CharterEditorModel } from './use-charter-editor';

/** A team's first charter: start from a short example to rewrite, or from empty clauses. */
export function StartChoice({ editor }: { editor: CharterEditorModel }) {
  const styles = useCharterEditorStyles();
  return (
    <EditorSection editor={editor} name="start" title={strings.startTitle}>
      <div className={styles.choice}>
        <div className={styles.choiceItem}>
          <Button appearance="primary" onClick={() => editor.start(true)}>
            {strings.startExample}
          </Button>
          <Text>{strings.startExampleHint}</Text>
        </div>
        <div className={styles.choiceItem}>
          <Button onClick={() => editor.start(false)}>{strings.startBlank}</Button>
          <Text>{strings.startBlankHint}</Text>
        </div>
      </div>
    </EditorSection>
  );
}
