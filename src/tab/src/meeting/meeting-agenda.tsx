import { Caption1, Subtitle2 } from '@fluentui/react-components';
import { useEffect, useState } from 'react';

import type { TeamReviews } from '../../../contract/api-types';
import type { CharterApi } from '../api/charter-api';
import { agendaText } from '../reviews/agenda-text';
import { OpenProposalsSection } from '../reviews/open-proposals-section';
import { ReviewAgendaSection } from '../reviews/review-agenda-section';
import { loadReviews } from '../reviews/reviews-api';
import { meetingStrings } from '../strings/meeting';
import { useMeetingStyles } from './meeting.styles';

/**
 * The agenda the app wrote into the meeting (outcomes and boundaries with their check-in signals since the last
 * review, support requests as the server lets them be seen, open proposals), as the reviews panel shows it. Proposals
 * are read here; the editors accept them in the channel tab.
 */
export function MeetingAgenda({ api, teamId }: { api: CharterApi; teamId: string }) {
  const [view, setView] = useState<TeamReviews | null>(null);
  const [failed, setFailed] = useState(false);
  const styles = useMeetingStyles();
  useEffect(() => {
    let live = true;
    loadReviews(api, teamId).then(
      (v) => live && setView(v),
      () => live && setFailed(true),
    );
    return () => {
      live = false;
    };
  }, [api, teamId]);
  const lines = view?.agendaPreview ? agendaText(view.agendaPreview) : [];
  if (!failed && lines.length === 0 && !view?.openProposals.length) return null;
  return (
    <section aria-labelledby="meeting-agenda" className={styles.column}>
      <Subtitle2 as="h2" id="meeting-agenda" className={styles.heading}>
        {meetingStrings.agenda}
      </Subtitle2>
      {failed ? <Caption1>{meetingStrings.agendaFailed}</Caption1> : null}
      {lines.length > 0 ? <ReviewAgendaSection lines={lines} /> : null}
      {view && view.openProposals.length > 0 ? (
        <OpenProposalsSection
          proposals={view.openProposals}
          canEdit={false}
          onAccept={() => undefined}
          onDrop={() => undefined}
        />
      ) : null}
    </section>
  );
}
