/**
 * The review cycle beside the charter: the series booked in the organizer's Outlook (organizer, the next three
 * occurrences in the viewer's zone with the team's zone beside them, the Teams join link), whether the calendar is in
 * step with the charter (and what to do when it is not), what keeps Team Charter out of the review meeting (when
 * something does), the agenda preview as plain text, the open proposals, and for
 * editors the review outcomes form (loaded on demand, so the tab's first bundle stays small). In the local sandbox it
 * links the Graph sandbox's calendar page, which shows what Outlook would. State in use-reviews-panel.ts.
 */
import { Body1, Button, Card, CardHeader, Link, Spinner, Subtitle2 } from '@fluentui/react-components';
import { lazy, Suspense } from 'react';

import type { PanelProps } from '../app/panels.types';
import { appStrings } from '../strings/app';
import { reviewStrings } from '../strings/reviews';
import { agendaText } from './agenda-text';
import { OpenProposalsSection } from './open-proposals-section';
import { ReviewAgendaSection } from './review-agenda-section';
import { ReviewSeriesSection } from './review-series-section';
import { ReviewSyncSection } from './review-sync-section';
import { SANDBOX_CALENDAR } from './reviews-api';
import { useReviewsPanelStyles } from './reviews-panel.styles';
import { useReviewsPanel } from './use-reviews-panel';

const OutcomesForm = lazy(() => import('./outcomes-form'));

export function ReviewsPanel(props: PanelProps) {
  const { teamId, charter, members, api, viewerZone } = props;
  const styles = useReviewsPanelStyles();
  const panel = useReviewsPanel(props);
  const { view, status, notice } = panel;

  const header = (
    <CardHeader
      header={
        <Subtitle2 as="h2" className={styles.heading} id="panel-reviews">
          {reviewStrings.title}
        </Subtitle2>
      }
    />
  );
  if (panel.failed)
    return (
      <Card appearance="subtle" aria-labelledby="panel-reviews">
        {header}
        <Body1 role="alert">{reviewStrings.loadFailed}</Body1>
        <Button onClick={() => void panel.reload()}>{reviewStrings.retry}</Button>
      </Card>
    );
  if (!view || !status)
    return (
      <Card appearance="subtle" aria-labelledby="panel-reviews">
        {header}
        <Spinner size="tiny" label={appStrings.loading} />
      </Card>
    );

  const teamZone =
    view.series?.timeZone ?? charter.content.review?.cadence.timeZone ?? charter.content.timeZone;
  const organizerName =
    view.series?.organizer.name ??
    members.find((m) => m.id === view.series?.organizer.id)?.name ??
    view.series?.organizer.mailbox ??
    '';
  const agenda = view.agendaPreview ? agendaText(view.agendaPreview) : [];

  return (
    <Card appearance="subtle" aria-labelledby="panel-reviews" data-testid="reviews-panel">
      {header}
      <div className={styles.body}>
        {!charter.content.review && !view.series ? <Body1>{reviewStrings.turnedOff}</Body1> : null}
        <ReviewSyncSection
          sync={view.sync}
          status={status}
          waiting={panel.waiting}
          onSyncAgain={panel.syncAgain}
        />
        {view.series ? (
          <ReviewSeriesSection
            series={view.series}
            occurrences={view.nextOccurrences}
            organizerName={organizerName}
            teamZone={teamZone}
            viewerZone={viewerZone}
          />
        ) : null}
        {view.meetingApp?.message ? (
          // Team Charter could not go into the review meeting: the review works without it; this says what unlocks it.
          <div className={styles.row}>
            <Body1 data-testid="reviews-meeting-app">{view.meetingApp.message}</Body1>
            {status === 'in_step' ? (
              <Button size="small" onClick={panel.syncAgain}>
                {reviewStrings.syncAgain}
              </Button>
            ) : null}
          </div>
        ) : null}
        {agenda.length > 0 ? <ReviewAgendaSection lines={agenda} /> : null}
        {panel.sandbox ? (
          <Link href={SANDBOX_CALENDAR} target="_blank" rel="noopener noreferrer">
            {reviewStrings.sandboxCalendar}
          </Link>
        ) : null}
        {view.openProposals.length > 0 ? (
          <OpenProposalsSection
            proposals={view.openProposals}
            canEdit={charter.canEdit}
            onAccept={panel.acceptProposal}
            onDrop={panel.dropProposal}
          />
        ) : null}
        {notice ? (
          <div className={styles.row} role={notice.alert ? 'alert' : 'status'}>
            <Body1>{notice.text}</Body1>
            {notice.accepted ? (
              <Button size="small" onClick={() => window.scrollTo({ top: 0, behavior: 'smooth' })}>
                {reviewStrings.showNewVersion}
              </Button>
            ) : null}
          </div>
        ) : null}
        {charter.canEdit ? (
          panel.recording ? (
            <Suspense fallback={<Spinner size="tiny" label={appStrings.loading} />}>
              <OutcomesForm
                api={api}
                teamId={teamId}
                charter={charter}
                members={members}
                onDone={panel.finishRecording}
              />
            </Suspense>
          ) : (
            <div>
              <Button onClick={panel.startRecording}>{reviewStrings.recordOutcomes}</Button>
            </div>
          )
        ) : null}
      </div>
    </Card>
  );
}
