import { Subtitle2 } from '@fluentui/react-components';
import type { ReactNode } from 'react';

import { useReviewsPanelStyles } from './reviews-panel.styles';

/** One section of the reviews panel: a region named by its heading (`id` names the heading). */
export function ReviewsPanelSection({
  id,
  title,
  children,
}: {
  id: string;
  title: string;
  children: ReactNode;
}) {
  const styles = useReviewsPanelStyles();
  return (
    <section className={styles.section} aria-labelledby={id}>
      <Subtitle2 as="h3" className={styles.heading} id={id}>
        {title}
      </Subtitle2>
      {children}
    </section>
  );
}
