/**
 * Section 5, run in a child process of its own so the resident set size is ftfx's alone: 135,000
 * synthetic people plus the UN and OFAC lists; ftfx's index build and query latency, then pg_trgm
 * (PGlite, and the PostgreSQL server when reachable) on the same names and queries, then the in-process
 * peers on a few queries. Sends its figures to the parent over IPC.
 * usage (by speed.ts): node --import tsx --expose-gc bench/matching/speed-run.ts [--quick]
 */

import type { MatchQuery } from "../../src/matching/types.ts";
import type { FtmEntity } from "../../src/model/entity.ts";
import { syntheticPeople } from "../../src/registry/synthetic.ts";
import { loadNegatives, loadUnPositives } from "./datasets.ts";
import { loadFtfx } from "./ftfx.ts";
import { candidatesOf, isSubject, loadLists } from "./lists.ts";
import { evenSample, percentile } from "./metrics.ts";
import { type Candidate, IN_PROCESS_PEERS, type Peer } from "./peers.ts";
import {
  createNameTable,
  indexNames,
  openPglite,
  openPostgres,
  PG_TRGM_DEFAULT_THRESHOLD,
  type PgTrgmDatabase,
  searchNames,
  setSimilarityThreshold,
} from "./pg-trgm.ts";

const SPEED_SIZES = {
  full: { people: 135_000, queries: 1000, warmup: 50, scanQueries: 5, fuseQueries: 2 },
  quick: { people: 10_000, queries: 200, warmup: 10, scanQueries: 3, fuseQueries: 1 },
};
const K = 5;

export interface Latency {
  queries: number;
  p50: number;
  p95: number;
  mean: number;
}

export interface SpeedFigures {
  people: number;
  subjects: number;
  names: number;
  queries: number;
  generateMillis: number;
  ftfx?: {
    profileMillis: number;
    indexMillis: number;
    rssMb: number;
    heapUsedMb: number;
    latency: Latency;
    batchPerSecond: number;
  };
  ftfxAbsent?: string;
  pgTrgm: { engine: string; loadMillis: number; indexMillis: number; latency: Latency }[];
  peers: { id: string; label: string; buildMillis: number; latency: Latency }[];
  baseRssMb: number;
}

function latency(millis: number[]): Latency {
  return {
    queries: millis.length,
    p50: percentile(millis, 50),
    p95: percentile(millis, 95),
    mean: millis.reduce((a, b) => a + b, 0) / Math.max(1, millis.length),
  };
}

async function timeEach(queries: readonly MatchQuery[], run: (q: MatchQuery) => unknown): Promise<number[]> {
  const millis: number[] = [];
  for (const query of queries) {
    const t = process.hrtime.bigint();
    await run(query);
    millis.push(Number(process.hrtime.bigint() - t) / 1e6);
  }
  return millis;
}

function megabytes(bytes: number): number {
  return bytes / 1024 / 1024;
}

function collectGarbage(): void {
  (globalThis as { gc?: () => void }).gc?.();
}

async function pgTrgmLatency(
  db: PgTrgmDatabase,
  candidates: Candidate[],
  queries: MatchQuery[],
  warmup: number,
) {
  let t = performance.now();
  const table = await createNameTable(db.sql, candidates);
  const loadMillis = performance.now() - t;
  t = performance.now();
  await indexNames(db.sql, table);
  const indexMillis = performance.now() - t;
  await setSimilarityThreshold(db.sql, PG_TRGM_DEFAULT_THRESHOLD);
  await timeEach(queries.slice(0, warmup), (q) => searchNames(db.sql, table, q.name, K));
  const millis = await timeEach(queries, (q) => searchNames(db.sql, table, q.name, K));
  return { engine: db.engine, loadMillis, indexMillis, latency: latency(millis) };
}

async function peerLatency(peer: Peer, candidates: Candidate[], queries: MatchQuery[]) {
  const t = performance.now();
  const index = await peer.buildIndex(candidates);
  const buildMillis = performance.now() - t;
  const millis = await timeEach(queries, (q) => index.search(q.name, K));
  await index.close();
  return { id: peer.id, label: peer.label, buildMillis, latency: latency(millis) };
}

async function measure(quick: boolean): Promise<SpeedFigures> {
  const sizes = quick ? SPEED_SIZES.quick : SPEED_SIZES.full;
  const baseRssMb = megabytes(process.memoryUsage().rss);
  const started = performance.now();
  let entities: FtmEntity[] | undefined = [
    ...syntheticPeople(sizes.people),
    ...(await loadLists(["un", "ofac"])).entities,
  ];
  const generateMillis = performance.now() - started;
  const subjects = entities.filter(isSubject);
  const candidates = candidatesOf(subjects);
  const allQueries = [...loadUnPositives().map((p) => p.query), ...loadNegatives()];
  const queries = evenSample(allQueries, sizes.queries);
  const figures: SpeedFigures = {
    people: sizes.people,
    subjects: subjects.length,
    names: candidates.length,
    queries: queries.length,
    generateMillis,
    pgTrgm: [],
    peers: [],
    baseRssMb,
  };
  subjects.length = 0; // only `entities` may hold the entities now, so they can be freed after profiling

  const ftfx = await loadFtfx();
  if ("engine" in ftfx) {
    const { engine } = ftfx;
    collectGarbage();
    let t = performance.now();
    const profiles = engine.profiles(entities);
    const profileMillis = performance.now() - t;
    entities = undefined; // the index is what a screening node keeps
    t = performance.now();
    const index = engine.index(profiles);
    const indexMillis = performance.now() - t;
    profiles.length = 0;
    collectGarbage();
    const memory = process.memoryUsage();
    await timeEach(queries.slice(0, sizes.warmup), (q) => index.search(q, K));
    const millis = await timeEach(queries, (q) => index.search(q, K));
    t = performance.now();
    for (const q of queries) index.search(q, K);
    const batchPerSecond = queries.length / ((performance.now() - t) / 1000);
    figures.ftfx = {
      profileMillis,
      indexMillis,
      rssMb: megabytes(memory.rss),
      heapUsedMb: megabytes(memory.heapUsed),
      latency: latency(millis),
      batchPerSecond,
    };
  } else {
    figures.ftfxAbsent = ftfx.absent;
    entities = undefined;
  }

  const pglite = await openPglite();
  figures.pgTrgm.push(await pgTrgmLatency(pglite, candidates, queries, sizes.warmup));
  await pglite.close();
  const postgres = await openPostgres();
  if (postgres) {
    try {
      figures.pgTrgm.push(await pgTrgmLatency(postgres, candidates, queries, sizes.warmup));
    } finally {
      await postgres.close();
    }
  }

  for (const peer of IN_PROCESS_PEERS) {
    const asked = evenSample(queries, peer.slow ? sizes.fuseQueries : sizes.scanQueries);
    figures.peers.push(await peerLatency(peer, candidates, asked));
  }
  return figures;
}

const figures = await measure(process.argv.includes("--quick"));
process.send?.(figures);
