import type { CharterStore } from '../../app/charters/charter-ports';
import type { CheckInStore } from '../../app/checkins/checkin-ports';
import type { InstallStore } from '../../app/installs/install-ports';
import type { JobQueue } from '../../app/jobs/job-ports';
import type { ReviewStore } from '../../app/reviews/review-ports';
import type { ReviewSessionStore } from '../../app/reviews/review-session-ports';
import type { Database } from './database';
import { PostgresCharterStore } from './postgres-charter-store';
import { PostgresCheckInStore } from './postgres-checkin-store';
import { PostgresInstallStore } from './postgres-install-store';
import { type JobQueueOptions, PostgresJobQueue } from './postgres-job-queue';
import { type OperatorStats, PostgresOperatorStats } from './postgres-operator-stats';
import { PostgresReviewSessionStore } from './postgres-review-session-store';
import { PostgresReviewStore } from './postgres-review-store';
import type { TeamAccessCache } from './team-access-cache';

/** Every store of the app on one database, named as the use cases' deps name them (spread them in). */
export interface PostgresStores {
  charters: CharterStore;
  installs: InstallStore;
  jobs: JobQueue;
  checkins: CheckInStore;
  reviews: ReviewStore;
  reviewSessions: ReviewSessionStore;
  /** What operators read at each `/metrics` scrape (queue depth, deliveries). */
  stats: OperatorStats;
}

export interface PostgresStoresOptions {
  jobs?: JobQueueOptions;
  /** Keep access reads in memory, dropped on every change (the app's); without it each is a query. */
  access?: TeamAccessCache;
}

export function postgresStores(db: Database, options: PostgresStoresOptions = {}): PostgresStores {
  return {
    charters: new PostgresCharterStore(db, options.access),
    installs: new PostgresInstallStore(db, options.access),
    jobs: new PostgresJobQueue(db, options.jobs),
    checkins: new PostgresCheckInStore(db),
    reviews: new PostgresReviewStore(db),
    reviewSessions: new PostgresReviewSessionStore(db),
    stats: new PostgresOperatorStats(db),
  };
}
