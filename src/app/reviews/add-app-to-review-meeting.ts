import { UpstreamError } from '../../domain/errors';
import { CalendarError } from '../../domain/review/calendar-error';
import { type MeetingAppStep, reviewMeetingTab } from '../../domain/review/review-meeting-tab';
import type { TeamScope } from '../common-ports';
import type { MeetingAppProgress } from './meeting-ports';
import type { ReviewDeps } from './review-deps';

/**
 * Puts Team Charter and its tab in the booked series' Teams meeting, in steps: find the app in the org catalog, find
 * the meeting's chat, install the app there, pin the tab. Each step's result is recorded on the series before the
 * next, so a retry after a crash or a failure redoes nothing that is done; the two that change Teams are safe to
 * repeat anyway (an app already installed answers 409, which counts as installed; the chat's tabs are read before one
 * is added, so there is never a second).
 *
 * A step Graph refuses (403: the admin has not granted its permission) is recorded as `not_permitted` and the job
 * ends: the review works without the app in its meeting, and the tab says how to enable it. Any other failure is
 * recorded and rethrown, for the job runner to retry or dead-letter.
 */
export async function addAppToReviewMeeting(
  deps: ReviewDeps,
  scope: TeamScope,
): Promise<MeetingAppProgress | null> {
  const series = await deps.reviews.getSeries(scope);
  if (series?.state !== 'booked' || !series.joinUrl) return null;
  const joinUrl = series.joinUrl;
  const recorded = await deps.reviews.getMeetingApp(scope);
  let progress: MeetingAppProgress =
    recorded?.joinUrl === joinUrl
      ? { ...recorded, state: recorded.state === 'ready' ? 'ready' : 'pending', refusedStep: null }
      : {
          joinUrl,
          state: 'pending',
          catalogAppId: null,
          chatId: null,
          appInstalled: false,
          tabId: null,
          refusedStep: null,
          lastError: null,
          updatedAt: deps.clock.now(),
        };
  if (progress.state === 'ready') return progress;
  const save = async (change: Partial<MeetingAppProgress>): Promise<void> => {
    progress = { ...progress, ...change, updatedAt: deps.clock.now() };
    await deps.reviews.saveMeetingApp(scope, progress);
  };
  const { meetings, meetingApp } = deps;
  let step: MeetingAppStep = 'catalog';
  try {
    if (!progress.catalogAppId) {
      const catalogAppId = meetingApp.catalogAppId ?? (await meetings.findCatalogApp(meetingApp.manifestId));
      if (!catalogAppId) {
        await save({ state: 'not_in_catalog', lastError: null });
        deps.log.warn({ ...scope, manifestId: meetingApp.manifestId }, 'reviews.meeting_app.not_in_catalog');
        return progress;
      }
      await save({ catalogAppId });
    }
    const catalogAppId = progress.catalogAppId as string;
    step = 'meeting';
    if (!progress.chatId) {
      const chatId = await meetings.findMeetingChat(series.organizerId, joinUrl);
      // Teams makes the online meeting with the event; until Graph shows it, wait and try again.
      if (!chatId)
        throw new UpstreamError('graph', 'The review series’ online meeting has no chat in Graph yet.', true);
      await save({ chatId });
    }
    const chatId = progress.chatId as string;
    step = 'install';
    if (!progress.appInstalled) {
      await meetings.installApp(chatId, catalogAppId);
      await save({ appInstalled: true });
    }
    step = 'tab';
    const tabId =
      (await meetings.findTab(chatId, catalogAppId)) ??
      (await meetings.addTab(chatId, catalogAppId, reviewMeetingTab(meetingApp.tabEndpoint, scope.teamId)));
    await save({ tabId, state: 'ready', lastError: null });
    deps.log.info({ ...scope, chatId, tabId }, 'reviews.meeting_app.ready');
    return progress;
  } catch (error) {
    if (error instanceof CalendarError && error.failure === 'access_denied') {
      await save({ state: 'not_permitted', refusedStep: step, lastError: error.message });
      deps.log.warn({ ...scope, step, err: error }, 'reviews.meeting_app.not_permitted');
      return progress;
    }
    await save({ lastError: error instanceof Error ? error.message : String(error) });
    throw error;
  }
}
