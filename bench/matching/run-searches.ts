/**
 * Runs one batch of queries through ftfx and every peer over the same listed subjects, one system at a
 * time (built, run, closed), keeping per query the hits and the time taken.
 */
import type { MatchQuery } from "../../src/matching/types.ts";
import type { FtmEntity } from "../../src/model/entity.ts";
import type { BenchContext } from "./context.ts";
import type { ListData } from "./lists.ts";
import { evenSample } from "./metrics.ts";
import { fixed } from "./report.ts";
import { ftfxIndex, ftfxSearch, peerSearch, type SubjectHit, type SubjectSearch } from "./systems.ts";

export interface SearchRun {
  id: string;
  label: string;
  /** The operating threshold, as shown in tables. */
  threshold: string;
  /** Positions (in the plan's queries) of the queries this system was asked; slow peers get a sample. */
  asked: number[];
  /** Hits per asked query, aligned with `asked`. */
  hits: SubjectHit[][];
  millis: number[];
}

export interface SearchPlan {
  lists: ListData;
  queries: readonly MatchQuery[];
  k: number;
  /** Which subjects the name-only peers search (default: all of them). */
  peerSubjects?: (subject: FtmEntity) => boolean;
  /** Also run ftfx with only the query's name, to compare like with like against the peers. */
  ftfxNameOnly?: boolean;
  /** Rank every candidate: no built-in cut-off (pg_trgm's `%` threshold goes to 0). */
  rankAll?: boolean;
  /** How many of the queries a slow peer (Fuse.js) gets, spread evenly. */
  slowPeerQueries: number;
}

async function run(
  ctx: BenchContext,
  search: SubjectSearch,
  threshold: string,
  queries: readonly MatchQuery[],
  asked: number[],
  k: number,
): Promise<SearchRun> {
  const hits: SubjectHit[][] = [];
  const millis: number[] = [];
  const started = performance.now();
  for (const i of asked) {
    const t = performance.now();
    hits.push(await search.search(queries[i] as MatchQuery, k));
    millis.push(performance.now() - t);
  }
  await search.close();
  ctx.log(
    `  ${search.label}: ${asked.length} queries in ${fixed((performance.now() - started) / 1000, 1)} s`,
  );
  return { id: search.id, label: search.label, threshold, asked, hits, millis };
}

export async function searchAllSystems(ctx: BenchContext, plan: SearchPlan): Promise<SearchRun[]> {
  const all = plan.queries.map((_, i) => i);
  const runs: SearchRun[] = [];
  if ("engine" in ctx.ftfx) {
    const { engine } = ctx.ftfx;
    const index = ftfxIndex(engine, plan.lists.entities);
    const threshold = `default ${fixed(engine.threshold, 2)}`;
    runs.push(await run(ctx, ftfxSearch(index, plan.lists.subjects), threshold, plan.queries, all, plan.k));
    if (plan.ftfxNameOnly) {
      const nameOnly = ftfxSearch(index, plan.lists.subjects, { nameOnly: true });
      runs.push(await run(ctx, nameOnly, threshold, plan.queries, all, plan.k));
    }
  }
  for (const peer of ctx.peers) {
    const tuned = ctx.thresholds.get(peer.id) ?? 0;
    const search = await peerSearch(peer, plan.lists.subjects, tuned, {
      only: plan.peerSubjects,
      minScore: plan.rankAll ? 0 : tuned,
    });
    const asked = peer.slow ? evenSample(all, plan.slowPeerQueries) : all;
    runs.push(await run(ctx, search, `tuned ${fixed(tuned)}`, plan.queries, asked, plan.k));
  }
  return runs;
}

export function meanMillis(run: SearchRun): number {
  return run.millis.reduce((a, b) => a + b, 0) / Math.max(1, run.millis.length);
}
