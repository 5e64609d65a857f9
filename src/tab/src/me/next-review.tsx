/** The team's next review meeting, in the viewer's own time zone, with the Teams join link (opened by Teams there). */
import { Caption1, makeStyles, Subtitle2, Text, tokens } from '@fluentui/react-components';

import type { MyNextReview } from '../../../contract/api-types';
import { formatDateTime } from '../format';
import { JoinLink } from '../reviews/join-link';
import { safeJoinUrl } from '../reviews/safe-join-url';
import { myChartersStrings } from '../strings/my-charters';

const s = myChartersStrings.review;

const useStyles = makeStyles({
  root: { display: 'grid', rowGap: tokens.spacingVerticalXS, alignContent: 'start' },
});

export function NextReview({ review, viewerZone }: { review: MyNextReview | null; viewerZone: string }) {
  const styles = useStyles();
  const join = review ? safeJoinUrl(review.joinUrl) : null;
  return (
    <section className={styles.root} aria-label={s.title}>
      <Subtitle2 as="h3">{s.title}</Subtitle2>
      {review ? (
        <>
          <Text>{review.subject}</Text>
          <Text>
            {formatDateTime(review.start, viewerZone)} <Caption1>({s.yourTime(viewerZone)})</Caption1>
          </Text>
          {join ? <JoinLink href={join} /> : null}
        </>
      ) : (
        <Text>{s.none}</Text>
      )}
    </section>
  );
}
