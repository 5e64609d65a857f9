/**
 * The bot's answer to `pause …`: the last paused day in the member's own time zone and language. Teams sends the
 * client's zone (`localTimezone`, e.g. "Europe/Berlin") and `locale` with each message; without a zone it knows, the
 * date is given in UTC and says so.
 */
import { isKnownTimeZone } from '../../domain/cadence/zoned-time';

export interface MessageClient {
  localTimezone?: string | undefined;
  locale?: string | undefined;
}

export function pauseReply(teams: number, until: Date, client: MessageClient): string {
  return `Check-ins are paused in ${teams} ${teams === 1 ? 'team' : 'teams'} until ${untilText(until, client)}. Say **resume** to start again sooner.`;
}

function untilText(until: Date, { localTimezone, locale }: MessageClient): string {
  const zone = localTimezone && isKnownTimeZone(localTimezone) ? localTimezone : undefined;
  const [language = 'en-US'] = locale ? Intl.DateTimeFormat.supportedLocalesOf([locale]) : [];
  const date = new Intl.DateTimeFormat(language, {
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: zone ?? 'UTC',
  }).format(until);
  return zone ? date : `${date} (UTC)`;
}
