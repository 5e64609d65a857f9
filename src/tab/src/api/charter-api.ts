import type {
  CharterDraft,
  CharterResponse,
  CheckInAnswerBody,
  CheckInAnswerSaved,
  CurrentCharter,
  LocalContext,
  Me,
  MyChartersResponse,
  TeamMember,
  TeamMembersResponse,
  VersionDiff,
  VersionRecord,
  VersionsResponse,
  VersionSummary,
} from '../../../contract/api-types';
import { ApiError, LocalOnlyError, NetworkError, problemOf } from './api-errors';

/** Paths only a server in local mode serves (src/sandbox): outside it they would only ever answer 404. */
const LOCAL_ONLY = /^\/sandbox\//;

/** Headers that say who is calling: `Authorization: Bearer` in Teams, `X-Local-User` in the local sandbox. */
export type AuthHeaders = () => Promise<Record<string, string>>;

export type Fetch = (input: string, init?: RequestInit) => Promise<Response>;

export interface CharterApiOptions {
  /**
   * Whether the server runs in local mode with its sandboxes (the tab outside Teams). False in Teams: calls to the
   * sandboxes' paths then fail with LocalOnlyError without a request.
   */
  localSandbox?: boolean;
}

/** GET answers kept for revalidation; the oldest is forgotten first. */
const MAX_KEPT = 64;

/** The tab's client of the charter API. Every call carries the caller's auth headers. */
export class CharterApi {
  private readonly localSandbox: boolean;
  /**
   * The last answer to each GET, with its ETag: the next GET sends it as If-None-Match and a 304 reuses the body.
   * Keyed by path alone: the server's ETags stand for the exact bytes the caller was sent, so another member's (the
   * local sandbox switches members) never gets a 304 for a body that is not also theirs.
   */
  private readonly kept = new Map<string, { etag: string; body: unknown }>();

  constructor(
    private readonly auth: AuthHeaders,
    private readonly fetchFn: Fetch = (input, init) => fetch(input, init),
    private readonly base = '',
    options: CharterApiOptions = {},
  ) {
    this.localSandbox = options.localSandbox ?? true;
  }

  me(): Promise<Me> {
    return this.json<Me>('GET', '/api/me');
  }

  /** Every team of the caller that has the app, in one call: the personal page's data. */
  myCharters(): Promise<MyChartersResponse> {
    return this.json<MyChartersResponse>('GET', '/api/me/charters');
  }

  /** The caller has now seen `version` of the team's charter: what changed since is measured from there. */
  async markCharterSeen(teamId: string, version: number): Promise<void> {
    await this.send('PUT', `${team(teamId)}/charter/seen`, { version });
  }

  /** Answers an open check-in with the card's inputs; a 400 names each problem at its input id (ApiError). */
  answerCheckIn(
    teamId: string,
    roundId: string,
    inputs: Record<string, string>,
  ): Promise<CheckInAnswerSaved> {
    const body: CheckInAnswerBody = { inputs };
    return this.json<CheckInAnswerSaved>(
      'PUT',
      `${team(teamId)}/checkins/${encodeURIComponent(roundId)}/answer`,
      body,
    );
  }

  members(teamId: string): Promise<TeamMember[]> {
    return this.json<TeamMembersResponse>('GET', `${team(teamId)}/members`).then((r) => r.members);
  }

  /** The current charter, or null when the team has none yet. */
  async charter(teamId: string): Promise<CharterResponse | null> {
    return (await this.current(teamId)).charter;
  }

  /** The current charter, or (a team without one) whether the caller may write the first one and whom to ask. */
  async current(teamId: string): Promise<CurrentCharter> {
    try {
      return {
        charter: await this.json<CharterResponse>('GET', `${team(teamId)}/charter`),
        firstCharter: null,
      };
    } catch (error) {
      // Only the team's own "no charter yet" 404 says who may create it; any other 404 (not installed) is an error.
      if (error instanceof ApiError && error.status === 404 && typeof error.problem.canCreate === 'boolean')
        return {
          charter: null,
          firstCharter: { canCreate: error.problem.canCreate, askName: error.problem.askName ?? null },
        };
      throw error;
    }
  }

  /**
   * Saves a new version on top of `baseVersion` (0 = create). 412 / 400 / 403 come back as ApiError. An editor whose
   * draft leaves them out of the editors gets a 400 at `editorIds` unless `removeSelfAsEditor` confirms it.
   */
  save(
    teamId: string,
    baseVersion: number,
    content: CharterDraft,
    why: string,
    options?: { removeSelfAsEditor?: boolean },
  ): Promise<CharterResponse> {
    const condition: Record<string, string> =
      baseVersion === 0 ? { 'If-None-Match': '*' } : { 'If-Match': `"${baseVersion}"` };
    const body = {
      content,
      ...(why.trim() ? { why: why.trim() } : {}),
      ...(options?.removeSelfAsEditor ? { removeSelfAsEditor: true } : {}),
    };
    return this.json<CharterResponse>('PUT', `${team(teamId)}/charter`, body, condition);
  }

  versions(teamId: string): Promise<VersionSummary[]> {
    return this.json<VersionsResponse>('GET', `${team(teamId)}/charter/versions`).then((r) => r.versions);
  }

  /** One version as it was, with its whole content. */
  version(teamId: string, version: number): Promise<VersionRecord> {
    return this.json<VersionRecord>('GET', `${team(teamId)}/charter/versions/${version}`);
  }

  diff(teamId: string, from: number, to: number): Promise<VersionDiff> {
    return this.json<VersionDiff>('GET', `${team(teamId)}/charter/diff?from=${from}&to=${to}`);
  }

  /** The export as a file: its name (from Content-Disposition) and bytes. */
  async export(teamId: string, format: 'md' | 'json'): Promise<{ fileName: string; blob: Blob }> {
    const response = await this.send('GET', `${team(teamId)}/charter/export?format=${format}`);
    const disposition = response.headers.get('Content-Disposition') ?? '';
    const fileName = /filename="?([^";]+)"?/.exec(disposition)?.[1] ?? `charter.${format}`;
    return { fileName, blob: await response.blob() };
  }

  /**
   * For feature panels (check-ins, reviews): a JSON call to their own API paths, with the caller's headers. A GET
   * revalidates with the ETag of its last answer: a 304 answers that same object again (compare by identity).
   */
  call<T>(method: 'GET' | 'POST' | 'PUT', path: string, body?: unknown): Promise<T> {
    return this.json<T>(method, path, body);
  }

  /** Local mode only, unauthenticated: the demo teams and their members, before anyone is picked. */
  static async localContext(
    fetchFn: Fetch = (input, init) => fetch(input, init),
    base = '',
  ): Promise<LocalContext> {
    const response = await fetchFn(`${base}/api/local/context`, { headers: { Accept: 'application/json' } });
    if (!response.ok) throw new ApiError(await problemOf(response));
    return (await response.json()) as LocalContext;
  }

  private async json<T>(
    method: string,
    path: string,
    body?: unknown,
    extra?: Record<string, string>,
  ): Promise<T> {
    const kept = method === 'GET' ? this.kept.get(path) : undefined;
    const response = await this.send(method, path, body, kept ? { 'If-None-Match': kept.etag } : extra);
    if (kept && response.status === 304) return kept.body as T;
    const value = (await response.json()) as T;
    const etag = response.headers.get('ETag');
    if (method === 'GET' && etag) {
      this.kept.delete(path);
      this.kept.set(path, { etag, body: value });
      if (this.kept.size > MAX_KEPT) this.kept.delete(this.kept.keys().next().value as string);
    }
    return value;
  }

  private async send(
    method: string,
    path: string,
    body?: unknown,
    extra?: Record<string, string>,
  ): Promise<Response> {
    if (!this.localSandbox && LOCAL_ONLY.test(path)) throw new LocalOnlyError(path);
    const headers: Record<string, string> = { Accept: 'application/json', ...(await this.auth()), ...extra };
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    let response: Response;
    try {
      response = await this.fetchFn(`${this.base}${path}`, {
        method,
        // The answers depend on who calls (X-Local-User / Authorization), which the API does not name in Vary: without
        // this, the browser revalidates one member's cached charter with If-None-Match for another and gets a 304.
        cache: 'no-store',
        headers,
        body: body === undefined ? null : JSON.stringify(body),
      });
    } catch (error) {
      throw new NetworkError(error);
    }
    // 304 answers only a GET that sent If-None-Match (json() then has the body).
    if (!response.ok && !(response.status === 304 && headers['If-None-Match']))
      throw new ApiError(await problemOf(response));
    return response;
  }
}

function team(teamId: string): string {
  return `/api/teams/${encodeURIComponent(teamId)}`;
}
