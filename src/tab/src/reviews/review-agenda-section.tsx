import { Subtitle2, Text } from '@fluentui/react-components';

import { reviewStrings } from '../strings/reviews';
import { useReviewsPanelStyles } from './reviews-panel.styles';

/** The next meeting's agenda as plain text (agenda-text.ts), in a region of its own that scrolls. */
export function ReviewAgendaSection({ lines }: { lines: readonly string[] }) {
  const styles = useReviewsPanelStyles();
  return (
    <section className={styles.section} aria-labelledby="reviews-agenda">
      <Subtitle2 as="h3" className={styles.heading} id="reviews-agenda">
        {reviewStrings.agendaPreview}
      </Subtitle2>
      <div
        className={styles.agenda}
        data-testid="reviews-agenda"
        tabIndex={0}
        role="region"
        aria-labelledby="reviews-agenda"
      >
        {lines.map((line, i) => (
          <Text key={i} block size={200}>
            {line}
          </Text>
        ))}
      </div>
    </section>
  );
}
