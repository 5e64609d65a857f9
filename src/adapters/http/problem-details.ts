import type { Response } from 'express';

import type { NotInstalledProblem, ProblemDetails } from '../../contract/api-types';
import {
  NotInstalledError,
  UpstreamError,
  UserError,
  type UserErrorReason,
  ValidationError,
} from '../../domain/errors';

const NOT_INSTALLED: NotInstalledProblem['type'] = 'https://teamcharter.dev/problems/not-installed';

const STATUS: Record<UserErrorReason, { status: number; title: string }> = {
  validation: { status: 400, title: 'Some fields need attention' },
  unauthenticated: { status: 401, title: 'Sign-in needed' },
  forbidden: { status: 403, title: 'Not allowed' },
  not_found: { status: 404, title: 'Not found' },
  conflict: { status: 412, title: 'Changed meanwhile' },
};

/** Maps any error to problem details. User errors keep their message; anything else becomes a 5xx without internals. */
export function problemFor(error: unknown): ProblemDetails {
  if (error instanceof UserError) {
    const { status, title } = STATUS[error.reason];
    const problem: ProblemDetails = {
      type:
        error instanceof NotInstalledError
          ? NOT_INSTALLED
          : `https://teamcharter.dev/problems/${error.reason}`,
      title,
      status,
      detail: error.message,
    };
    if (error instanceof ValidationError) problem.errors = error.problems;
    if ('currentVersion' in error && typeof error.currentVersion === 'number')
      problem.currentVersion = error.currentVersion;
    return problem;
  }
  if (error instanceof UpstreamError && error.service === 'database')
    return {
      type: 'https://teamcharter.dev/problems/storage-unavailable',
      title: 'Storage is unavailable right now',
      status: 503,
      detail: 'Nothing was saved. Please try again in a moment; if it keeps happening, tell your admin.',
    };
  if (error instanceof UpstreamError)
    return {
      type: 'https://teamcharter.dev/problems/upstream',
      title: 'A service we depend on did not answer',
      status: error.retryable ? 503 : 502,
      detail: 'Please try again in a moment.',
    };
  return {
    type: 'about:blank',
    title: 'Something went wrong on our side',
    status: 500,
    detail: 'The error was logged. Please try again; if it keeps happening, tell your admin.',
  };
}

export function sendProblem(res: Response, problem: ProblemDetails): void {
  res.status(problem.status).type('application/problem+json').json(problem);
}

/** A problem for a request the HTTP layer itself refuses (no use case involved). */
export function httpProblem(status: number, title: string, detail: string): ProblemDetails {
  return { type: 'about:blank', title, status, detail };
}
