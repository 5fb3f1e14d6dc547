/**
 * ftfx's engine alone on the speed section's data (no peers, no pg_trgm), for tuning the index: build time,
 * RSS, query latency, CPU time and collections over several rounds of the same 1,000 queries, optionally a
 * CPU or allocation profile of the first round, and optionally every result of every query written out, so
 * two versions of the engine can be compared result for result (and their timings back to back).
 * usage: node --import tsx --expose-gc bench/matching/engine-probe.ts [--people=N] [--rounds=N]
 *          [--profile=cpu:FILE | --profile=heap:FILE] [--dump=FILE]
 */
import { createHash } from "node:crypto";
import { writeFileSync } from "node:fs";
import { Session } from "node:inspector/promises";
import { constants, PerformanceObserver } from "node:perf_hooks";
import { MatchIndex } from "../../src/matching/index.ts";
import { profileFromEntities } from "../../src/matching/profile.ts";
import type { MatchQuery } from "../../src/matching/types.ts";
import type { FtmEntity } from "../../src/model/entity.ts";
import { syntheticPeople } from "../../src/registry/synthetic.ts";
import { loadNegatives, loadUnPositives } from "./datasets.ts";
import { loadLists } from "./lists.ts";
import { evenSample, percentile } from "./metrics.ts";

const arg = (name: string) => process.argv.find((a) => a.startsWith(`--${name}=`))?.split("=")[1];
const people = Number(arg("people") ?? 135_000);
const rounds = Number(arg("rounds") ?? 3);
const dump = arg("dump");
/** Profiles the first timed round only: `cpu:FILE` (a .cpuprofile) or `heap:FILE` (sampled allocations, a .heapprofile). */
const profile = arg("profile");
const gc = () => (globalThis as { gc?: () => void }).gc?.();
const mb = (bytes: number) => (bytes / 2 ** 20).toFixed(0);

let entities: FtmEntity[] | undefined = [
  ...syntheticPeople(people),
  ...(await loadLists(["un", "ofac"])).entities,
];
gc();
let t = performance.now();
const profiles = profileFromEntities(entities);
const profileMillis = performance.now() - t;
entities = undefined;
t = performance.now();
const index = new MatchIndex(profiles);
const indexMillis = performance.now() - t;
profiles.length = 0;
gc();
const memory = process.memoryUsage();
console.log(
  `build: profiles ${(profileMillis / 1000).toFixed(2)} s + index ${(indexMillis / 1000).toFixed(2)} s = ${((profileMillis + indexMillis) / 1000).toFixed(2)} s; RSS ${mb(memory.rss)} MB (heap ${mb(memory.heapUsed)})`,
);

const all: MatchQuery[] = [...loadUnPositives().map((p) => p.query), ...loadNegatives()];
const queries = evenSample(all, 1000);
for (const q of queries.slice(0, 50)) index.search(q, 5);
const session = new Session();
if (profile) {
  session.connect();
  if (profile.startsWith("heap"))
    await session.post("HeapProfiler.startSampling", {
      samplingInterval: 4096,
      includeObjectsCollectedByMajorGC: true,
      includeObjectsCollectedByMinorGC: true,
    });
  else {
    await session.post("Profiler.enable");
    await session.post("Profiler.start");
  }
}
// Collections during a round: how many minor (scavenge) and major ones, and their pauses.
const gcs = { minor: 0, major: 0, millis: 0 };
new PerformanceObserver((list) => {
  for (const entry of list.getEntries()) {
    const kind = (entry as unknown as { detail?: { kind?: number } }).detail?.kind;
    if (kind === constants.NODE_PERFORMANCE_GC_MINOR) gcs.minor++;
    else gcs.major++;
    gcs.millis += entry.duration;
  }
}).observe({ entryTypes: ["gc"] });
for (let round = 0; round < rounds; round++) {
  const millis: number[] = [];
  Object.assign(gcs, { minor: 0, major: 0, millis: 0 });
  const cpu = process.cpuUsage();
  const started = performance.now();
  for (const q of queries) {
    const s = process.hrtime.bigint();
    index.search(q, 5);
    millis.push(Number(process.hrtime.bigint() - s) / 1e6);
  }
  const seconds = (performance.now() - started) / 1000;
  const cpuUsed = process.cpuUsage(cpu);
  await new Promise((resolve) => setTimeout(resolve, 100)); // lets the observer see the round's collections
  if (profile && round === 0) {
    const [kind, file] = profile.split(":");
    const result =
      kind === "heap"
        ? (await session.post("HeapProfiler.stopSampling")).profile
        : (await session.post("Profiler.stop")).profile;
    writeFileSync(file ?? `/tmp/probe.${kind}profile`, JSON.stringify(result));
  }
  console.log(
    `round ${round + 1}: p50 ${percentile(millis, 50).toFixed(3)} ms, p95 ${percentile(millis, 95).toFixed(3)} ms, mean ${(millis.reduce((a, b) => a + b, 0) / millis.length).toFixed(3)} ms, ${(queries.length / seconds).toFixed(0)} queries/s; CPU ${((cpuUsed.user + cpuUsed.system) / 1000 / queries.length).toFixed(3)} ms/query; GC ${gcs.minor} minor + ${gcs.major} major, ${gcs.millis.toFixed(0)} ms`,
  );
}
if (dump) {
  const lines = all.map((q) => JSON.stringify(index.search(q, 5)));
  writeFileSync(dump, `${lines.join("\n")}\n`);
  console.log(
    `results of ${all.length} queries: sha256 ${createHash("sha256").update(lines.join("\n")).digest("hex").slice(0, 16)}`,
  );
}
