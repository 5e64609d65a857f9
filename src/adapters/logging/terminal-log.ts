/**
 * Logs for a person at a terminal (`npm start` in local mode with stdout a TTY): one readable line per event instead of
 * JSON — the time, the level, the message, and the few fields that say what happened; a request as
 * `GET /api/… 200 12 ms`. Anywhere else (a container, a file, a pipe) the app writes JSON lines, as log collectors
 * want. `NO_COLOR` turns the colours off.
 */
import type { DestinationStream } from 'pino';
import pinoPretty from 'pino-pretty';

/** Fields that are noise on a terminal: the process, the host, and what the request line already says. */
const LEFT_OUT = ['pid', 'hostname', 'req', 'res', 'responseTime', 'reqId'];

interface RequestLine {
  req?: { method?: string; url?: string };
  res?: { statusCode?: number };
  responseTime?: number;
  msg?: string;
}

/** `destination` for tests (default stdout). */
export function terminalLog(destination?: NodeJS.WritableStream): DestinationStream {
  return pinoPretty({
    ...(destination ? { destination } : {}),
    colorize: !process.env.NO_COLOR,
    translateTime: 'SYS:HH:MM:ss',
    ignore: LEFT_OUT.join(','),
    singleLine: true,
    messageFormat: (log: RequestLine, messageKey: string) => {
      const message = String((log as Record<string, unknown>)[messageKey] ?? '');
      if (!log.req?.method || log.res?.statusCode === undefined) return message;
      const took = log.responseTime === undefined ? '' : ` ${log.responseTime} ms`;
      return `${log.req.method} ${log.req.url ?? ''} ${log.res.statusCode}${took}`;
    },
  });
}
