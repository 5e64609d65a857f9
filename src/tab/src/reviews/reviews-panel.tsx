/**
 * The review cycle beside the charter (issue 5): the series booked in the organizer's Outlook (organizer, the next
 * three occurrences in the viewer's zone with the team's zone beside them, the Teams join link), whether the calendar
 * is in step with the charter (and what to do when it is not), the agenda preview as plain text, the open proposals,
 * and for editors the review outcomes form (loaded on demand, so the tab's first bundle stays small). In the local
 * sandbox it links the Graph sandbox's calendar page, which shows what Outlook would.
 */
import {
  Body1,
  Button,
  Caption1,
  Card,
  CardHeader,
  Link,
  Spinner,
  Subtitle2,
  Text,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { Suspense, lazy, useCallback, useEffect, useState } from 'react';
import { ApiError } from '../api/charter-api';
import type { PanelProps } from '../app/panels';
import { formatDateTime } from '../format';
import { strings } from '../strings';
import {
  SANDBOX_CALENDAR,
  acceptProposal,
  agendaText,
  dropProposal,
  loadReviews,
  safeJoinUrl,
  sandboxCalendarAvailable,
  syncAgain,
  type TeamReviews,
} from './reviews-api';

const OutcomesForm = lazy(() => import('./outcomes-form'));

const useStyles = makeStyles({
  body: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalL },
  section: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalS },
  list: {
    margin: 0,
    paddingLeft: 0,
    listStyleType: 'none',
    display: 'grid',
    rowGap: tokens.spacingVerticalS,
  },
  secondary: { color: tokens.colorNeutralForeground2 },
  error: { color: tokens.colorPaletteRedForeground1 },
  agenda: {
    margin: 0,
    padding: tokens.spacingHorizontalM,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground2,
    maxHeight: '16rem',
    overflowY: 'auto',
    display: 'grid',
    rowGap: tokens.spacingVerticalXXS,
  },
  row: { display: 'flex', columnGap: tokens.spacingHorizontalS, flexWrap: 'wrap', alignItems: 'center' },
});

function problemText(error: unknown): string {
  return error instanceof ApiError ? error.problem.detail : String(error);
}

export function ReviewsPanel({ teamId, charter, members, api, viewerZone }: PanelProps) {
  const styles = useStyles();
  const [view, setView] = useState<TeamReviews | null>(null);
  const [failed, setFailed] = useState(false);
  const [sandbox, setSandbox] = useState(false);
  const [recording, setRecording] = useState(false);
  const [notice, setNotice] = useState<{ text: string; reload?: boolean; alert?: boolean } | null>(null);

  const reload = useCallback(
    () =>
      loadReviews(api, teamId).then(
        (v) => {
          setView(v);
          setFailed(false);
        },
        () => setFailed(true),
      ),
    [api, teamId],
  );
  useEffect(() => {
    void reload();
  }, [reload, charter.version]);
  useEffect(() => {
    let live = true;
    void sandboxCalendarAvailable(api).then((ok) => live && setSandbox(ok));
    return () => {
      live = false;
    };
  }, [api]);

  const act = async (work: () => Promise<string>, reloadPage = false) => {
    try {
      setNotice({ text: await work(), reload: reloadPage });
    } catch (error) {
      setNotice({ text: strings.rvActionFailed(problemText(error)), alert: true });
    }
    await reload();
  };

  const header = (
    <CardHeader
      header={
        <Subtitle2 as="h2" id="panel-reviews">
          {strings.rvTitle}
        </Subtitle2>
      }
    />
  );
  if (failed)
    return (
      <Card appearance="subtle" aria-labelledby="panel-reviews">
        {header}
        <Body1 role="alert">{strings.rvFailed}</Body1>
        <Button onClick={() => void reload()}>{strings.rvRetry}</Button>
      </Card>
    );
  if (!view)
    return (
      <Card appearance="subtle" aria-labelledby="panel-reviews">
        {header}
        <Spinner size="tiny" label={strings.loading} />
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
  const status = view.sync.status;

  return (
    <Card appearance="subtle" aria-labelledby="panel-reviews" data-testid="reviews-panel">
      {header}
      <div className={styles.body}>
        {!charter.content.review && !view.series ? <Body1>{strings.rvOff}</Body1> : null}

        <section className={styles.section} aria-labelledby="reviews-sync">
          <Text id="reviews-sync" weight="semibold" data-testid="reviews-sync">
            {status === 'in_step' ? strings.rvSync.in_step(view.sync.charterVersion) : strings.rvSync[status]}
          </Text>
          {view.sync.error ? (
            <Body1 role="alert" className={styles.error} data-testid="reviews-error">
              {view.sync.error.message}
            </Body1>
          ) : null}
          {status === 'failed' || status === 'pending' ? (
            <div>
              <Button
                size="small"
                onClick={() =>
                  void act(async () => {
                    await syncAgain(api, teamId);
                    return strings.rvSyncQueued;
                  })
                }
              >
                {strings.rvSyncAgain}
              </Button>
            </div>
          ) : null}
        </section>

        {view.series ? (
          <section className={styles.section} aria-labelledby="reviews-series">
            <Subtitle2 as="h3" id="reviews-series">
              {strings.rvSeries}
            </Subtitle2>
            <Body1>{strings.rvOrganizer(organizerName, view.series.organizer.mailbox)}</Body1>
            {view.nextOccurrences.length > 0 ? (
              <ul className={styles.list} aria-label={strings.rvNext}>
                {view.nextOccurrences.map((o) => {
                  const when = formatDateTime(o.start, viewerZone);
                  const join = safeJoinUrl(o.joinUrl);
                  return (
                    <li key={o.start}>
                      <div className={styles.row}>
                        <Text>
                          {when} <span className={styles.secondary}>({strings.yourTime})</span>
                        </Text>
                        {join ? (
                          <Link
                            href={join}
                            target="_blank"
                            rel="noopener noreferrer"
                            aria-label={strings.rvJoinLabel(when)}
                          >
                            {strings.rvJoin}
                          </Link>
                        ) : null}
                      </div>
                      {teamZone !== viewerZone ? (
                        <Caption1 block className={styles.secondary}>
                          {formatDateTime(o.start, teamZone)} · {strings.teamTime(teamZone)}
                        </Caption1>
                      ) : null}
                    </li>
                  );
                })}
              </ul>
            ) : null}
          </section>
        ) : null}

        {agenda.length > 0 ? (
          <section className={styles.section} aria-labelledby="reviews-agenda">
            <Subtitle2 as="h3" id="reviews-agenda">
              {strings.rvAgenda}
            </Subtitle2>
            <div
              className={styles.agenda}
              data-testid="reviews-agenda"
              tabIndex={0}
              role="region"
              aria-labelledby="reviews-agenda"
            >
              {agenda.map((line, i) => (
                <Text key={i} block size={200}>
                  {line}
                </Text>
              ))}
            </div>
          </section>
        ) : null}

        {sandbox ? (
          <Link href={SANDBOX_CALENDAR} target="_blank" rel="noopener noreferrer">
            {strings.rvSandboxCalendar}
          </Link>
        ) : null}

        {view.openProposals.length > 0 ? (
          <section className={styles.section} aria-labelledby="reviews-proposals">
            <Subtitle2 as="h3" id="reviews-proposals">
              {strings.rvProposals}
            </Subtitle2>
            <ul className={styles.list}>
              {view.openProposals.map((p) => (
                <li key={p.id} className={styles.row}>
                  <Body1>{strings.rvProposalBy(p.summary, p.createdBy.name)}</Body1>
                  {charter.canEdit ? (
                    <>
                      <Button
                        size="small"
                        appearance="primary"
                        onClick={() =>
                          void act(
                            async () => strings.rvAccepted((await acceptProposal(api, teamId, p.id)).version),
                            true,
                          )
                        }
                      >
                        {strings.rvAccept}
                      </Button>
                      <Button
                        size="small"
                        onClick={() =>
                          void act(async () => {
                            await dropProposal(api, teamId, p.id);
                            return strings.rvDropped;
                          })
                        }
                      >
                        {strings.rvDrop}
                      </Button>
                    </>
                  ) : null}
                </li>
              ))}
            </ul>
          </section>
        ) : null}

        {notice ? (
          <div className={styles.row} role={notice.alert ? 'alert' : 'status'}>
            <Body1>{notice.text}</Body1>
            {notice.reload ? (
              <Button size="small" onClick={() => window.location.reload()}>
                {strings.rvShowNewVersion}
              </Button>
            ) : null}
          </div>
        ) : null}

        {charter.canEdit ? (
          recording ? (
            <Suspense fallback={<Spinner size="tiny" label={strings.loading} />}>
              <OutcomesForm
                api={api}
                teamId={teamId}
                charter={charter}
                members={members}
                onDone={(text, reloadPage) => {
                  setRecording(false);
                  if (text) setNotice({ text, reload: reloadPage });
                  void reload();
                }}
              />
            </Suspense>
          ) : (
            <div>
              <Button onClick={() => setRecording(true)}>{strings.rvRecord}</Button>
            </div>
          )
        ) : null}
      </div>
    </Card>
  );
}
