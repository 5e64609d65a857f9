import { Field, Switch } from '@fluentui/react-components';
import { lazy, Suspense } from 'react';

import { charterStrings } from '../strings/charter';
import { editorStrings } from '../strings/editor';
import { EditorCadence } from './editor-cadence';
import { EditorSection } from './editor-section';
import { PartConflicts } from './merge-conflict-card';
import { OptionsSelect } from './options-select';
import type { CharterEditorModel } from './use-charter-editor';

// Reads free/busy through the API only when an editor works on the review cadence: its own chunk.
const SlotSuggestions = lazy(() => import('../reviews/slot-suggestions'));

/** The review cycle: its cadence, suggested times that suit everyone, and whose calendar books it. */
export function ReviewsSection({ editor }: { editor: CharterEditorModel }) {
  const review = editor.state.review;
  return (
    <EditorSection editor={editor} name="review" title={charterStrings.reviewCycle}>
      <Switch
        id={editor.idFor('review.enabled')}
        label={editorStrings.holdReviews}
        checked={review !== null}
        onChange={(_e, d) => editor.toggleReview(d.checked)}
      />
      {review ? (
        <>
          <EditorCadence
            editor={editor}
            path="review.cadence"
            value={review.cadence}
            onChange={(cadence) => editor.patchReview({ cadence })}
          />
          <Suspense fallback={null}>
            <SlotSuggestions
              key={`${review.organizerId}|${review.cadence.durationMinutes}`}
              api={editor.api}
              teamId={editor.teamId}
              cadence={review.cadence}
              organizerId={review.organizerId}
              viewerZone={editor.viewerZone}
              onChange={(cadence) => editor.patchReview({ cadence })}
            />
          </Suspense>
          <Field {...editor.field('review.organizerId', editorStrings.reviewOrganizer)}>
            <OptionsSelect
              id={editor.idFor('review.organizerId')}
              value={review.organizerId}
              options={editor.members.map((m) => ({ value: m.id, label: m.name }))}
              onSelect={(organizerId) => editor.patchReview({ organizerId })}
            />
          </Field>
        </>
      ) : null}
      <PartConflicts editor={editor} part="review" what={charterStrings.reviewCycle} />
    </EditorSection>
  );
}
