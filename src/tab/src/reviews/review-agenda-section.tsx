import { Text } from '@fluentui/react-components';

import { reviewStrings } from '../strings/reviews';
import { useReviewsPanelStyles } from './reviews-panel.styles';
import { ReviewsPanelSection } from './reviews-panel-section';

/** The next meeting's agenda as plain text (agenda-text.ts), in a region of its own that scrolls. */
export function ReviewAgendaSection({ lines }: { lines: readonly string[] }) {
  const styles = useReviewsPanelStyles();
  return (
    <ReviewsPanelSection id="reviews-agenda" title={reviewStrings.agendaPreview}>
      <div
        className={styles.agenda}
        data-testid="reviews-agenda"
        tabIndex={0}
        // Focusable so it scrolls from the keyboard; named apart from its section (two regions of one name confuse).
        role="region"
        aria-label={reviewStrings.agendaText}
      >
        {lines.map((line, i) => (
          <Text key={i} block size={200}>
            {line}
          </Text>
        ))}
      </div>
    </ReviewsPanelSection>
  );
}
