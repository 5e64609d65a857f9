/** How a call to the API fails: refused with problem details, not reached at all, or a local-only path outside local mode. */
import type { FirstCharter, ProblemDetails } from '../../../contract/api-types';

/**
 * A refused answer as the tab keeps it: the problem details (whatever the body said, or the HTTP status; `type` when
 * the body had one), with who may write the first charter for the 404 of a team without one.
 */
export type Problem = Omit<ProblemDetails, 'type'> & { type?: string } & Partial<FirstCharter>;

/** An HTTP answer the API refused, with its problem details. */
export class ApiError extends Error {
  constructor(readonly problem: Problem) {
    super(problem.detail || problem.title);
    this.name = 'ApiError';
  }
  get status(): number {
    return this.problem.status;
  }
}

/** The API could not be reached at all (offline, DNS, the connection dropped): the request may be tried again. */
export class NetworkError extends Error {
  constructor(cause: unknown) {
    super(cause instanceof Error ? cause.message : String(cause), { cause });
    this.name = 'NetworkError';
  }
}

/** A local-mode-only path (the sandboxes) asked for outside local mode: refused without a request. */
export class LocalOnlyError extends Error {
  constructor(path: string) {
    super(`${path} exists only in local mode.`);
    this.name = 'LocalOnlyError';
  }
}

/** The problem details of a refused answer; an answer that is not JSON still gives its status. */
export async function problemOf(response: Response): Promise<Problem> {
  try {
    const body = (await response.json()) as Partial<ProblemDetails & FirstCharter>;
    return {
      ...(typeof body.type === 'string' ? { type: body.type } : {}),
      status: response.status,
      title: body.title ?? response.statusText,
      detail: body.detail ?? body.title ?? `HTTP ${response.status}`,
      ...(body.errors ? { errors: body.errors } : {}),
      ...(typeof body.currentVersion === 'number' ? { currentVersion: body.currentVersion } : {}),
      ...(typeof body.canCreate === 'boolean'
        ? { canCreate: body.canCreate, askName: body.askName ?? null }
        : {}),
    };
  } catch {
    return { status: response.status, title: response.statusText, detail: `HTTP ${response.status}` };
  }
}
