import { editorStrings } from '../strings/editor';
import { useCharterEditorStyles } from './charter-editor.styles';
import type { CharterEditorProps } from './charter-editor.types';
import { CheckInsSection } from './check-ins-section';
import { ConflictBanner } from './conflict-banner';
import { EditorsSection } from './editors-section';
import { FlexibleExecutionSection } from './flexible-execution-section';
import { NonNegotiablesSection } from './non-negotiables-section';
import { PurposeSection } from './purpose-section';
import { ReviewsSection } from './reviews-section';
import { SaveBar } from './save-bar';
import { SelfRemovalDialog } from './self-removal-dialog';
import { StartChoice } from './start-choice';
import { useCharterEditor } from './use-charter-editor';

/**
 * The editor: every part of the charter, inline validation with the server's own rules and messages, If-Match saves,
 * and after a 412 a clause-level merge with the version saved meanwhile. State in use-charter-editor.ts, one
 * component per part.
 */
export function CharterEditor(props: CharterEditorProps) {
  const styles = useCharterEditorStyles();
  const editor = useCharterEditor(props);
  const titleId = editor.idFor('title');
  return (
    <form
      className={styles.form}
      aria-labelledby={titleId}
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        editor.submit();
      }}
    >
      <h1 id={titleId} ref={editor.titleRef} tabIndex={-1} className={styles.title}>
        {editor.isCreate ? editorStrings.createTitle : editorStrings.editTitle}
      </h1>
      <div role="status">{editor.notice}</div>
      {editor.conflict ? <ConflictBanner editor={editor} conflict={editor.conflict} /> : null}
      {editor.showStartChoice ? <StartChoice editor={editor} /> : null}
      <PurposeSection editor={editor} />
      <NonNegotiablesSection editor={editor} />
      <FlexibleExecutionSection editor={editor} />
      <CheckInsSection editor={editor} />
      <ReviewsSection editor={editor} />
      <EditorsSection editor={editor} />
      <SaveBar editor={editor} />
      <SelfRemovalDialog
        open={editor.confirmingSelfRemoval}
        onCancel={editor.cancelSelfRemoval}
        onConfirm={editor.confirmSelfRemoval}
      />
    </form>
  );
}
