import { Subtitle1 } from '@fluentui/react-components';
import type { ReactNode } from 'react';

import { useCharterEditorStyles } from './charter-editor.styles';
import type { CharterEditorModel } from './use-charter-editor';

/** One part of the charter in the editor: a region named by its heading. */
export function EditorSection(props: {
  editor: CharterEditorModel;
  name: string;
  title: string;
  children: ReactNode;
}) {
  const styles = useCharterEditorStyles();
  const headingId = props.editor.idFor(`section-${props.name}`);
  return (
    <section className={styles.section} aria-labelledby={headingId}>
      <Subtitle1 as="h2" id={headingId}>
        {props.title}
      </Subtitle1>
      {props.children}
    </section>
  );
}
