import type { JobHandler } from '../../app/jobs/job-ports';
import { type JobRunnerDeps, runDueJobs } from '../../app/jobs/run-due-jobs';
import { withLogFields } from '../logging/log-context';

export interface JobWorkerOptions {
  /** How long to sleep when the queue had nothing due. */
  idleMs: number;
  /** Jobs claimed per pass. */
  batch: number;
  /** What one pass does; default `runDueJobs` (one job after the other). The review worker runs its jobs at once. */
  pass?: (deps: JobRunnerDeps, limit: number) => Promise<number>;
}

/**
 * Polls the durable queue and runs due jobs until stopped. Stopping claims nothing more: the jobs running now finish
 * (complete or fail), and the pass's claimed jobs that have not started are released to the queue for another worker.
 */
export class JobWorker {
  private running = false;
  private timer: NodeJS.Timeout | undefined;
  private wake: (() => void) | undefined;
  private loop: Promise<void> | undefined;

  private readonly deps: JobRunnerDeps;

  constructor(
    deps: JobRunnerDeps,
    private readonly options: JobWorkerOptions,
  ) {
    // Every line a job's handler logs carries the job's id and kind (log-context.ts); never its team's ids.
    const handlers: Record<string, JobHandler> = {};
    for (const [kind, handler] of Object.entries(deps.handlers))
      if (handler)
        handlers[kind] = (job) => withLogFields({ jobId: job.id, jobKind: job.kind }, () => handler(job));
    // A stopping worker gives back the jobs it claimed but has not started (run-due-jobs.ts).
    this.deps = { ...deps, handlers, stopping: () => !this.running };
  }

  start(): void {
    if (this.running) return;
    this.running = true;
    this.loop = this.run();
  }

  /** Runs the next pass now instead of after the idle sleep (e.g. right after enqueueing). */
  poke(): void {
    this.wake?.();
  }

  async stop(): Promise<void> {
    this.running = false;
    this.poke();
    await this.loop;
  }

  private async run(): Promise<void> {
    while (this.running) {
      let ran = 0;
      try {
        ran = await (this.options.pass ?? runDueJobs)(this.deps, this.options.batch);
      } catch (error) {
        // The queue itself failed (database unreachable): log once per pass and try again after the idle sleep.
        this.deps.log.error({ err: error }, 'jobs.pass.failed');
      }
      if (ran === 0 && this.running) await this.sleep(this.options.idleMs);
    }
  }

  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      this.wake = () => {
        clearTimeout(this.timer);
        this.wake = undefined;
        resolve();
      };
      this.timer = setTimeout(() => this.wake?.(), ms);
    });
  }
}
