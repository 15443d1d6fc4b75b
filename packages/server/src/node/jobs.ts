import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import { and, eq, sql } from 'drizzle-orm';
import type { Database } from '../db/database.ts';
import { jobLeases } from '../db/schema.ts';
import type { Logger } from '../logging.ts';

/** This process, as `job_leases.holder` names it: host, pid and a random part (pids repeat across hosts and restarts). */
export const newInstanceId = () => `${hostname()}:${process.pid}:${randomBytes(4).toString('hex')}`;

/**
 * Takes or renews the lease of `job` for `holder`, for `leaseSeconds` from the database's
 * clock (instances' clocks may differ). True when `holder` holds it now: it held it already,
 * or nobody did, or the previous holder's lease had expired or was released. One
 * statement (`insert … on conflict do update … where`): of instances claiming at once,
 * exactly one gets it.
 */
export async function claimJobLease(db: Database, job: string, holder: string, leaseSeconds: number): Promise<boolean> {
  const expiresAt = sql`now() + make_interval(secs => ${leaseSeconds})`;
  const rows = await db
    .insert(jobLeases)
    .values({ job, holder, acquiredAt: sql`now()`, expiresAt })
    .onConflictDoUpdate({
      target: jobLeases.job,
      set: {
        holder,
        expiresAt,
        acquiredAt: sql`case when ${jobLeases.holder} = excluded.holder then ${jobLeases.acquiredAt} else excluded.acquired_at end`,
      },
      setWhere: sql`${jobLeases.holder} = excluded.holder or ${jobLeases.expiresAt} <= now()`,
    })
    .returning({ job: jobLeases.job });
  return rows.length > 0;
}

/** Ends `holder`'s lease of `job` now (another instance takes it at its next run); nothing if it is not the holder. */
export async function releaseJobLease(db: Database, job: string, holder: string): Promise<void> {
  await db
    .update(jobLeases)
    .set({ expiresAt: sql`now()` })
    .where(and(eq(jobLeases.job, job), eq(jobLeases.holder, holder)));
}

export interface PeriodicJob {
  /** Also the lease's name in `job_leases`. */
  readonly name: string;
  readonly intervalMs: number;
  readonly run: () => Promise<unknown>;
  /** Logged (with `error`) when a run or its claim fails; the next run tries again. */
  readonly failure: { readonly msg: string; readonly level: 'warn' | 'error' };
}

export interface PeriodicJobs {
  /** Stops the timers, waits for the runs under way and releases the leases held. */
  stop(): Promise<void>;
}

/**
 * Runs each job every `intervalMs` (unref'd timers, one run of a job at a time) **in one
 * instance only**: before each run the instance claims the job's lease (`job_leases`), and
 * runs it only if it holds it. The holder keeps it by renewing it at every run; if it
 * stops (`stop()` releases) or dies (its lease expires after
 * `max(30 s, 3 × intervalMs)`), another instance takes over at its next run. Taking and
 * losing a lease are logged (`job lease taken` / `job lease lost`, with `job` and `instance`).
 * Works the same on PGlite (one instance: it always holds the leases).
 */
export function startPeriodicJobs(options: { db: Database; instance: string; logger: Logger; jobs: readonly PeriodicJob[] }): PeriodicJobs {
  const { db, instance, logger } = options;
  const running = new Set<Promise<void>>();
  const held = new Set<string>();
  const timers = options.jobs.map((job) => {
    const leaseSeconds = Math.max(30, (3 * job.intervalMs) / 1000);
    let current: Promise<void> | undefined;
    const tick = async () => {
      const holds = await claimJobLease(db, job.name, instance, leaseSeconds);
      if (holds !== held.has(job.name)) {
        if (holds) held.add(job.name);
        else held.delete(job.name);
        logger.info({ msg: holds ? 'job lease taken' : 'job lease lost', job: job.name, instance });
      }
      if (holds) await job.run();
    };
    const timer = setInterval(() => {
      if (current) return;
      const run: Promise<void> = tick()
        .catch((error: unknown) => logger[job.failure.level]({ msg: job.failure.msg, error: String(error) }))
        .finally(() => {
          running.delete(run);
          current = undefined;
        });
      current = run;
      running.add(run);
    }, job.intervalMs);
    timer.unref();
    return timer;
  });
  return {
    async stop() {
      for (const timer of timers) clearInterval(timer);
      await Promise.all(running);
      await Promise.all([...held].map((job) => releaseJobLease(db, job, instance).catch(() => undefined)));
      held.clear();
    },
  };
}
