/**
 * Correlation fields on every log line of a unit of work — an HTTP request (`reqId`), a bot turn (`activityId`,
 * `conversation`), a job run (`jobId`, `jobKind`) — including the lines the use cases write through the plain `Log`
 * they were given at start-up. The fields live in an AsyncLocalStorage and the root logger's `mixin` adds them, so
 * nothing has to thread a child logger through the core.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import { createHash } from 'node:crypto';

import pino, { type DestinationStream, type Logger } from 'pino';

export type LogFields = Readonly<Record<string, string | number>>;

const current = new AsyncLocalStorage<LogFields>();

/** Runs `fn` with `fields` added to every log line written inside it (and in what it awaits). */
export function withLogFields<T>(fields: LogFields, fn: () => T): T {
  return current.run({ ...current.getStore(), ...fields }, fn);
}

/** The fields of the unit of work running now (for pino's `mixin`): a copy, since pino merges the line's into it. */
function logFields(): Record<string, string | number> {
  return { ...current.getStore() };
}

/** A short, stable stand-in for an identifier that must not be logged as such (a conversation id). */
export function hashForLog(value: string): string {
  return createHash('sha256').update(value).digest('hex').slice(0, 12);
}

/** An id from outside (a header, an activity) is logged only if it is short and plain; otherwise left out. */
export function safeLogId(value: unknown): string | undefined {
  return typeof value === 'string' && SAFE_ID.test(value) ? value : undefined;
}

const SAFE_ID = /^[\w.:@|-]{1,128}$/;

/** The root logger: correlation fields on every line, secrets redacted. `destination` for tests (default stdout). */
export function createLogger(level: string, destination?: DestinationStream): Logger {
  return pino(
    {
      level,
      mixin: logFields,
      redact: [
        '*.MicrosoftAppPassword',
        '*.AAD_APP_CLIENT_SECRET',
        '*.clientSecret',
        '*.appPassword',
        '*.METRICS_TOKEN',
      ],
    },
    destination,
  );
}
