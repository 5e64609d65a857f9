import { Body1, Button } from '@fluentui/react-components';

import type { ReviewProposal } from '../../../contract/api-types';
import { reviewStrings } from '../strings/reviews';
import { useReviewsPanelStyles } from './reviews-panel.styles';
import { ReviewsPanelSection } from './reviews-panel-section';

export interface OpenProposalsSectionProps {
  proposals: readonly ReviewProposal[];
  /** Editors accept a proposal (a new charter version) or drop it; everyone else reads them. */
  canEdit: boolean;
  onAccept: (id: string) => void;
  onDrop: (id: string) => void;
}

/** The revisions reviews proposed that the editors have not decided on yet. */
export function OpenProposalsSection({ proposals, canEdit, onAccept, onDrop }: OpenProposalsSectionProps) {
  const styles = useReviewsPanelStyles();
  return (
    <ReviewsPanelSection id="reviews-proposals" title={reviewStrings.openProposals}>
      <ul className={styles.list}>
        {proposals.map((p) => (
          <li key={p.id} className={styles.row}>
            <Body1>{reviewStrings.proposedBy(p.summary, p.createdBy.name)}</Body1>
            {canEdit ? (
              <>
                <Button size="small" appearance="primary" onClick={() => onAccept(p.id)}>
                  {reviewStrings.accept}
                </Button>
                <Button size="small" onClick={() => onDrop(p.id)}>
                  {reviewStrings.drop}
                </Button>
              </>
            ) : null}
          </li>
        ))}
      </ul>
    </ReviewsPanelSection>
  );
}
