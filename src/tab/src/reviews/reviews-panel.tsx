/**
 * The review cycle beside the charter: the series booked in the organizer's Outlook (organizer, the next three
 * occurrences in the viewer's zone with the team's zone beside them, the Teams join link), whether the calendar is in
 * step with the charter (and what to do when it is not), the agenda preview as plain text, the open proposals, and for
 * editors the review outcomes form (loaded on demand, so the tab's first bundle stays small). In the local sandbox it
 * links the Graph sandbox's calendar page, which shows what Outlook would.
 *
 * It follows the page: a new charter version (saved in the editor, or accepted here, which it tells the page) makes it
 * read the series again, and while the calendar is being updated it asks every moment until the sync settles.
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
import { Suspense, lazy, useCallback, useEffect, useRef, useState } from 'react';
import type { CharterResponse, SyncStatus, TeamReviews } from '../../../shared/api-types';
import { ApiError } from '../api/api-errors';
import type { PanelProps } from '../app/panels.types';
import { formatDateTime } from '../format';
import { appStrings } from '../strings/app';
import { charterStrings } from '../strings/charter';
import { reviewStrings } from '../strings/reviews';
import {
  SANDBOX_CALENDAR,
  acceptProposal,
  agendaText,
  dropProposal,
  loadReviews,
  safeJoinUrl,
  sandboxCalendarAvailable,
  syncAgain,
} from './reviews-api';
import { usePollWhilePending } from './poll-while-pending';

const OutcomesForm = lazy(() => import('./outcomes-form'));

const useStyles = makeStyles({
  body: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalL },
  section: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalS },
  heading: { margin: 0 },
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

/** What the panel last did, said under it; an accepted proposal offers to scroll up to the new version. */
interface Notice {
  text: string;
  accepted?: boolean;
  alert?: boolean;
}

function problemText(error: unknown): string {
  return error instanceof ApiError ? error.problem.detail : String(error);
}

/**
 * The sync state as the page shows it: a series in step with an older version than the charter on the page is not in
 * step yet (the page heard of the new version before the review worker did).
 */
function syncStatus(view: TeamReviews, charterVersion: number): SyncStatus {
  const behind = view.sync.charterVersion !== null && view.sync.charterVersion < charterVersion;
  return view.sync.status === 'in_step' && behind ? 'pending' : view.sync.status;
}

export function ReviewsPanel({
  teamId,
  charter,
  members,
  api,
  viewerZone,
  revision = 0,
  onCharterChange,
}: PanelProps) {
  const styles = useStyles();
  const [view, setView] = useState<TeamReviews | null>(null);
  const [failed, setFailed] = useState(false);
  const [sandbox, setSandbox] = useState(false);
  const [recording, setRecording] = useState(false);
  const [notice, setNotice] = useState<Notice | null>(null);
  const request = useRef(0);
  const live = useRef(true);
  useEffect(() => {
    live.current = true;
    return () => {
      live.current = false;
    };
  }, []);

  // Only the latest answer counts: an earlier one arriving late never replaces it.
  const load = useCallback(() => {
    const mine = ++request.current;
    return loadReviews(api, teamId).then(
      (v) => {
        if (!live.current || mine !== request.current) return;
        setView(v);
        setFailed(false);
      },
      () => {
        if (live.current && mine === request.current) setFailed(true);
      },
    );
  }, [api, teamId]);
  const status = view ? syncStatus(view, charter.version) : null;
  const poll = useCallback(() => void load(), [load]);
  const { expired, restart } = usePollWhilePending(status === 'pending' && !failed, view, poll);
  // A reload someone asked for (a new version, an action) waits for the sync afresh.
  const reload = useCallback(() => {
    restart();
    return load();
  }, [load, restart]);
  useEffect(() => {
    void reload();
  }, [reload, charter.version, revision]);
  useEffect(() => {
    let live = true;
    void sandboxCalendarAvailable(api).then((ok) => live && setSandbox(ok));
    return () => {
      live = false;
    };
  }, [api]);

  /** The page shows the accepted version at once: the charter view and this panel name the same one. */
  const accept = (saved: CharterResponse): Notice => {
    onCharterChange?.(saved);
    return { text: reviewStrings.accepted(saved.version), accepted: true };
  };
  const act = async (work: () => Promise<Notice>) => {
    try {
      setNotice(await work());
    } catch (error) {
      setNotice({ text: reviewStrings.actionFailed(problemText(error)), alert: true });
    }
    await reload();
  };

  const header = (
    <CardHeader
      header={
        <Subtitle2 as="h2" className={styles.heading} id="panel-reviews">
          {reviewStrings.title}
        </Subtitle2>
      }
    />
  );
  if (failed)
    return (
      <Card appearance="subtle" aria-labelledby="panel-reviews">
        {header}
        <Body1 role="alert">{reviewStrings.loadFailed}</Body1>
        <Button onClick={() => void reload()}>{reviewStrings.retry}</Button>
      </Card>
    );
  if (!view)
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
  const waiting = status === 'pending' && !expired;

  return (
    <Card appearance="subtle" aria-labelledby="panel-reviews" data-testid="reviews-panel">
      {header}
      <div className={styles.body}>
        {!charter.content.review && !view.series ? <Body1>{reviewStrings.turnedOff}</Body1> : null}

        <section className={styles.section} aria-labelledby="reviews-sync">
          <div className={styles.row}>
            <Text id="reviews-sync" weight="semibold" data-testid="reviews-sync" aria-live="polite">
              {status === 'in_step'
                ? reviewStrings.sync.in_step(view.sync.charterVersion)
                : reviewStrings.sync[status ?? 'pending']}
            </Text>
            {waiting ? <Spinner size="extra-tiny" aria-hidden="true" /> : null}
          </div>
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
                    return { text: reviewStrings.syncQueued };
                  })
                }
              >
                {reviewStrings.syncAgain}
              </Button>
            </div>
          ) : null}
        </section>

        {view.series ? (
          <section className={styles.section} aria-labelledby="reviews-series">
            <Subtitle2 as="h3" className={styles.heading} id="reviews-series">
              {reviewStrings.series}
            </Subtitle2>
            <Body1>{reviewStrings.organizedBy(organizerName, view.series.organizer.mailbox)}</Body1>
            {view.nextOccurrences.length > 0 ? (
              <ul className={styles.list} aria-label={reviewStrings.nextReviews}>
                {view.nextOccurrences.map((o) => {
                  const when = formatDateTime(o.start, viewerZone);
                  const join = safeJoinUrl(o.joinUrl);
                  return (
                    <li key={o.start}>
                      <div className={styles.row}>
                        <Text>
                          {when} <span className={styles.secondary}>({charterStrings.yourTime})</span>
                        </Text>
                        {join ? (
                          <Link
                            href={join}
                            target="_blank"
                            rel="noopener noreferrer"
                            aria-label={reviewStrings.joinLabel(when)}
                          >
                            {reviewStrings.join}
                          </Link>
                        ) : null}
                      </div>
                      {teamZone !== viewerZone ? (
                        <Caption1 block className={styles.secondary}>
                          {formatDateTime(o.start, teamZone)} · {charterStrings.teamTime(teamZone)}
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
            {reviewStrings.sandboxCalendar}
          </Link>
        ) : null}

        {view.openProposals.length > 0 ? (
          <section className={styles.section} aria-labelledby="reviews-proposals">
            <Subtitle2 as="h3" className={styles.heading} id="reviews-proposals">
              {reviewStrings.openProposals}
            </Subtitle2>
            <ul className={styles.list}>
              {view.openProposals.map((p) => (
                <li key={p.id} className={styles.row}>
                  <Body1>{reviewStrings.proposedBy(p.summary, p.createdBy.name)}</Body1>
                  {charter.canEdit ? (
                    <>
                      <Button
                        size="small"
                        appearance="primary"
                        onClick={() =>
                          void act(async () => accept((await acceptProposal(api, teamId, p.id)).charter))
                        }
                      >
                        {reviewStrings.accept}
                      </Button>
                      <Button
                        size="small"
                        onClick={() =>
                          void act(async () => {
                            await dropProposal(api, teamId, p.id);
                            return { text: reviewStrings.dropped };
                          })
                        }
                      >
                        {reviewStrings.drop}
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
            {notice.accepted ? (
              <Button size="small" onClick={() => window.scrollTo({ top: 0, behavior: 'smooth' })}>
                {reviewStrings.showNewVersion}
              </Button>
            ) : null}
          </div>
        ) : null}

        {charter.canEdit ? (
          recording ? (
            <Suspense fallback={<Spinner size="tiny" label={appStrings.loading} />}>
              <OutcomesForm
                api={api}
                teamId={teamId}
                charter={charter}
                members={members}
                onDone={(text, saved) => {
                  setRecording(false);
                  if (saved) setNotice(accept(saved));
                  else if (text) setNotice({ text });
                  void reload();
                }}
              />
            </Suspense>
          ) : (
            <div>
              <Button onClick={() => setRecording(true)}>{reviewStrings.recordOutcomes}</Button>
            </div>
          )
        ) : null}
      </div>
    </Card>
  );
}
