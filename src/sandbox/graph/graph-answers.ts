/** How the Graph sandbox is asked and answers: a parsed request, and Graph's answer shapes (errors included). */
import { randomBytes } from 'node:crypto';

export interface SandboxRequest {
  method: string;
  /** Path below `/v1.0`, with its query, e.g. `/users/a@b/calendarView?startDateTime=…`. */
  url: string;
  headers: Record<string, string | undefined>;
  body: unknown;
}

export interface SandboxResponse {
  status: number;
  headers: Record<string, string>;
  body: unknown;
}

/** An error Graph answers with: the status, Graph's `error.code` and message, and extra headers (`Retry-After`). */
export class GraphError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }
}

export function ok(status: number, body: unknown): SandboxResponse {
  return { status, headers: { 'Content-Type': 'application/json' }, body };
}

/** Graph's error body: `{error: {code, message, innerError: {request-id, date}}}`. */
export function errorResponse(error: GraphError): SandboxResponse {
  return {
    status: error.status,
    headers: { 'Content-Type': 'application/json', ...error.headers },
    body: {
      error: {
        code: error.code,
        message: error.message,
        innerError: {
          'request-id': randomBytes(8).toString('hex'),
          date: new Date().toISOString().slice(0, 19),
        },
      },
    },
  };
}
