/**
 * `npm run bench:screening`: a 400-passenger SYNTHETIC PAXLST parsed and screened (watchlist, registered
 * documents, default rules) against 135,000 SYNTHETIC profiles, in process and without a database; and
 * real-time single-traveller throughput on one core. Prints the tables, writes bench/results/screening.json
 * and the "## Screening" section of docs/benchmarks.md. `--quick` uses 20,000 profiles.
 */
import { execFileSync } from "node:child_process";
import { cpus, loadavg } from "node:os";
import { parseTravelMessage } from "../src/formats/travel-message.ts";
import { MatchIndex } from "../src/matching/index.ts";
import { profileFromEntities } from "../src/matching/profile.ts";
import { syntheticPeople } from "../src/registry/synthetic.ts";
import { packageLocator } from "../src/screening/airports.ts";
import { memoryDocumentLookup } from "../src/screening/documents.ts";
import { DEFAULT_RULES } from "../src/screening/rules.ts";
import { type Screener, screenTravellers } from "../src/screening/screen.ts";
import { renderTable, type Table, writeDocsSection, writeJson } from "./matching/report.ts";
import { syntheticPaxlst } from "./screening/synthetic-paxlst.ts";

const ROOT = new URL("../", import.meta.url).pathname;
const QUICK = process.argv.includes("--quick");
const PROFILES = QUICK ? 20_000 : 135_000;
const PASSENGERS = 400;
const MANIFEST_RUNS = 15;
const SINGLE_TRAVELLERS = 4_000;
const MANIFEST_TARGET_MS = 150;
const SINGLE_TARGET_PER_S = 1_000;

const git = (...args: string[]) => execFileSync("git", args, { cwd: ROOT, encoding: "utf8" }).trim();
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;
const percentile = (values: number[], p: number) =>
  [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor(values.length * p))] ?? 0;

async function main(): Promise<void> {
  const registry = syntheticPeople(PROFILES);
  const built = performance.now();
  const screener: Screener = {
    index: new MatchIndex(profileFromEntities(registry)),
    documents: memoryDocumentLookup(registry),
    rules: DEFAULT_RULES,
    airports: packageLocator,
  };
  const buildMillis = performance.now() - built;
  const passengers = syntheticPeople(PASSENGERS * 2, 4242)
    .filter((e) => e.schema === "Person")
    .slice(0, PASSENGERS);
  const registered = registry.filter((e) => e.schema === "Person");
  const text = syntheticPaxlst(passengers, registered);
  console.log(
    `${PROFILES} profiles indexed in ${(buildMillis / 1000).toFixed(1)} s; screening ${PASSENGERS} passengers…`,
  );

  // Warm-up: the first run pays for lazy loading (the airport table the itinerary rules read, JIT).
  const warmUp = parseTravelMessage(text, "bench");
  await screenTravellers(warmUp.travellers, screener, warmUp);
  const manifestMillis: number[] = [];
  const manifestCpu = process.cpuUsage();
  let alerts = 0;
  let parseMillis = 0;
  for (let run = 0; run < MANIFEST_RUNS; run++) {
    const started = performance.now();
    const manifest = parseTravelMessage(text, "bench.edi");
    const parsed = performance.now();
    const results = await screenTravellers(manifest.travellers, screener, manifest);
    manifestMillis.push(performance.now() - started);
    parseMillis += parsed - started;
    alerts = results.filter((r) => r.alert).length;
  }

  const manifestCpuUsed = process.cpuUsage(manifestCpu);
  const manifestCpuMillis = (manifestCpuUsed.user + manifestCpuUsed.system) / 1000 / MANIFEST_RUNS;
  const manifest = parseTravelMessage(text, "bench.edi");
  const singles = Array.from(
    { length: SINGLE_TRAVELLERS },
    (_, i) => manifest.travellers[i % manifest.travellers.length],
  );
  const cpuBefore = process.cpuUsage();
  const started = performance.now();
  for (const traveller of singles) if (traveller) await screenTravellers([traveller], screener);
  const wallSeconds = (performance.now() - started) / 1000;
  const cpu = process.cpuUsage(cpuBefore);
  const cpuSeconds = (cpu.user + cpu.system) / 1e6;
  const perSecondWall = SINGLE_TRAVELLERS / wallSeconds;
  const perSecondCpu = SINGLE_TRAVELLERS / cpuSeconds;

  const date = new Date().toISOString().slice(0, 10);
  const commit = git("rev-parse", "--short", "HEAD");
  const load = loadavg()[0] ?? 0;
  const result = {
    date,
    commit,
    cpu: cpus()[0]?.model ?? "unknown",
    loadAverage1m: Number(load.toFixed(2)),
    profiles: PROFILES,
    indexBuildSeconds: Number((buildMillis / 1000).toFixed(2)),
    manifest: {
      passengers: PASSENGERS,
      runs: MANIFEST_RUNS,
      medianMillis: Number(median(manifestMillis).toFixed(1)),
      p90Millis: Number(percentile(manifestMillis, 0.9).toFixed(1)),
      cpuMillisMean: Number(manifestCpuMillis.toFixed(1)),
      parseMillisMean: Number((parseMillis / MANIFEST_RUNS).toFixed(1)),
      alerts,
      targetMillis: MANIFEST_TARGET_MS,
    },
    single: {
      travellers: SINGLE_TRAVELLERS,
      perSecondWall: Math.round(perSecondWall),
      perSecondPerCpu: Math.round(perSecondCpu),
      targetPerSecond: SINGLE_TARGET_PER_S,
    },
  };
  const table: Table = {
    title: `Traveller screening against ${PROFILES.toLocaleString("en")} SYNTHETIC profiles (in process, no database)`,
    columns: ["measure", "result", "target", "met"],
    rows: [
      [
        `${PASSENGERS}-passenger PAXLST, parse + screen (median of ${MANIFEST_RUNS}; p90)`,
        `${result.manifest.medianMillis} ms; ${result.manifest.p90Millis} ms`,
        `<= ${MANIFEST_TARGET_MS} ms`,
        result.manifest.medianMillis <= MANIFEST_TARGET_MS ? "yes" : "no",
      ],
      [
        "the same, CPU time per manifest (mean)",
        `${result.manifest.cpuMillisMean} ms`,
        `<= ${MANIFEST_TARGET_MS} ms`,
        result.manifest.cpuMillisMean <= MANIFEST_TARGET_MS ? "yes" : "no",
      ],
      ["of which parsing (mean, wall clock)", `${result.manifest.parseMillisMean} ms`, "", ""],
      [
        "single traveller, one core (per CPU-second; wall clock)",
        `${result.single.perSecondPerCpu}/s; ${result.single.perSecondWall}/s`,
        `>= ${SINGLE_TARGET_PER_S}/s`,
        result.single.perSecondPerCpu >= SINGLE_TARGET_PER_S ? "yes" : "no",
      ],
      ["alerts on the manifest (planted registered passengers)", String(alerts), "", ""],
      ["index build", `${result.indexBuildSeconds} s`, "", ""],
    ],
    notes: [
      `Run ${date} at commit ${commit} on ${result.cpu}, 1-minute load average ${result.loadAverage1m} (the machine is shared: wall-clock figures rise with load; per-CPU-second throughput much less).`,
      "Screening = matching engine (top 5 candidates per traveller), exact document check, the seven default rules with OurAirports coordinates; one passenger in 40 is a registered synthetic profile. Redress and storage are not in these figures (they are database round trips).",
    ],
  };
  const rendered = renderTable(table);
  console.log(rendered);
  writeJson(`${ROOT}bench/results/screening.json`, result);
  if (!QUICK)
    writeDocsSection(
      `${ROOT}docs/benchmarks.md`,
      "## Screening",
      `\`npm run bench:screening\`\n\n${rendered}`,
    );
}

await main();
