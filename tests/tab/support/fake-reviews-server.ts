/**
 * The review API beside the in-memory charter API (fake-charter-api.ts), for tests of the whole tab: the series
 * follows the charter's head version a few reads after it changes (as the review worker books it a moment after a
 * save), and an open proposal accepted becomes the next charter version through the charter fake, so the charter
 * view and the panel read the same versions. Everything else goes to the charter fake.
 */
import type { CharterContent } from '../../../src/domain/charter/charter';
import { ADELE, FakeCharterApi, TEAM_ID } from './fake-charter-api';
import { jsonResponse } from './json-response';

const BASE = `/api/teams/${TEAM_ID}/reviews`;

export class FakeReviewsServer {
  /** The charter version the series was last booked from. */
  bookedVersion: number;
  /** How many reads of the series answer "pending" after the head version changes, before it is booked. */
  readsBeforeBooked = 1;
  private pendingReads = 0;
  proposal: {
    id: string;
    baseVersion: number;
    summary: string;
    content: CharterContent;
    open: boolean;
  } | null = null;

  constructor(readonly charters: FakeCharterApi) {
    this.bookedVersion = this.head();
  }

  private head(): number {
    return this.charters.versions.at(-1)?.version ?? 0;
  }

  /** Reads of the series, in order, with the status each answered. */
  readonly reads: string[] = [];

  readonly fetch = async (url: string, init?: RequestInit): Promise<Response> => {
    const method = init?.method ?? 'GET';
    const headers = (init?.headers ?? {}) as Record<string, string>;
    if (url === BASE && method === 'GET') {
      const head = this.head();
      if (this.bookedVersion !== head) {
        if (this.pendingReads < this.readsBeforeBooked) this.pendingReads += 1;
        else {
          this.bookedVersion = head;
          this.pendingReads = 0;
        }
      }
      const status = this.bookedVersion === head ? 'in_step' : 'pending';
      this.reads.push(status);
      return json(200, {
        series: null,
        sync: { status, charterVersion: head, error: null },
        nextOccurrences: [],
        agendaPreview: null,
        openProposals:
          this.proposal?.open === true
            ? [
                {
                  id: this.proposal.id,
                  baseVersion: this.proposal.baseVersion,
                  summary: this.proposal.summary,
                  state: 'open',
                  createdBy: { id: ADELE, name: 'Adele Vance' },
                  createdAt: '2026-11-25T12:00:00.000Z',
                  content: this.proposal.content,
                },
              ]
            : [],
      });
    }
    const accept = /^\/api\/teams\/[^/]+\/reviews\/proposals\/([^/]+)\/accept$/.exec(url);
    if (accept && method === 'POST') {
      const p = this.proposal;
      if (!p?.open || p.id !== accept[1])
        return json(404, { title: 'Not found', detail: 'No such proposal.' });
      p.open = false;
      const saved = this.charters.commit(p.content, ADELE, p.summary);
      // The charter as GET /charter answers it, as the server's accept does.
      const charter: unknown = await (
        await this.charters.fetch(`/api/teams/${TEAM_ID}/charter`, { headers })
      ).json();
      return json(200, { accepted: true, version: saved.version, charter });
    }
    return this.charters.fetch(url, init);
  };
}

const json = (status: number, body: unknown): Promise<Response> =>
  Promise.resolve(jsonResponse(status, body));
