/**
 * `npm run bench:policy`: the disclosure properties of test/sharing at 10,000 random cases each, and how
 * many decisions (and decided-and-presented matches) per second the choke point sustains. Prints the
 * tables, writes bench/results/policy.json and the "## Sharing policy" section of docs/benchmarks.md.
 */
import { execFileSync } from "node:child_process";
import { cpus } from "node:os";
import fc from "fast-check";
import { Bench } from "tinybench";
import { decideDisclosure } from "../src/sharing/policy.ts";
import { presentMatch } from "../src/sharing/present.ts";
import { contextFor, decide, NOW, PROPERTIES, scenarioArb } from "../test/sharing/scenarios.ts";
import { renderTable, type Table, writeDocsSection, writeJson } from "./matching/report.ts";

const ROOT = new URL("../", import.meta.url).pathname;
const RUNS = 10_000;
const SEED = 2178;
const SPEED_SCENARIOS = 2_000;

function git(...args: string[]): string {
  return execFileSync("git", args, { cwd: ROOT, encoding: "utf8" }).trim();
}

function runProperties() {
  return Object.entries(PROPERTIES).map(([name, property]) => {
    const started = performance.now();
    const details = fc.check(property, { numRuns: RUNS, seed: SEED });
    return {
      name,
      runs: details.numRuns,
      ok: !details.failed,
      seconds: (performance.now() - started) / 1000,
      counterexample: details.failed ? fc.stringify(details.counterexample) : undefined,
    };
  });
}

async function measureSpeed() {
  const scenarios = fc.sample(scenarioArb(), { numRuns: SPEED_SCENARIOS, seed: SEED });
  const cases = scenarios.flatMap((s) => s.records.map((subject) => ({ s, subject })));
  const requests = cases.map(({ s, subject }) => ({ ...s, record: subject.record, now: NOW }));
  const levels: Record<string, number> = {};
  for (const { s, subject } of cases) {
    const { level } = decide(s, subject.record);
    levels[level] = (levels[level] ?? 0) + 1;
  }
  const contexts = cases.map(({ s, subject }) => contextFor(s, subject));
  const bench = new Bench({ time: 2_000 });
  bench.add("decideDisclosure", () => {
    for (const request of requests) decideDisclosure(request);
  });
  bench.add("decideDisclosure + presentMatch", () => {
    cases.forEach(({ subject }, i) => {
      const decision = decideDisclosure(requests[i] as (typeof requests)[number]);
      presentMatch(subject.match, subject.record, decision, contexts[i] as (typeof contexts)[number]);
    });
  });
  await bench.run();
  const speed = bench.tasks.map((task) => {
    const result = task.result;
    if (!("period" in result)) throw new Error(`${task.name}: ${result.state}`);
    return { task: task.name, perSecond: (cases.length * 1000) / result.period, rme: result.latency.rme };
  });
  return { cases: cases.length, levels, speed };
}

async function main(): Promise<void> {
  const properties = runProperties();
  const { cases, levels, speed } = await measureSpeed();
  const date = new Date().toISOString().slice(0, 10);
  const commit = git("rev-parse", "--short", "HEAD");
  const machine = `${cpus().length} × ${cpus()[0]?.model ?? "CPU"}, Node ${process.version}`;

  const tables: Table[] = [
    {
      title: `Disclosure properties, ${RUNS.toLocaleString("en")} random cases each (fast-check, seed ${SEED})`,
      columns: ["property", "cases", "result", "seconds"],
      rows: properties.map((p) => [p.name, String(p.runs), p.ok ? "holds" : "FAILS", p.seconds.toFixed(1)]),
      notes: [
        "Each case is a random coalition (3–4 agencies, 2 countries, some outside the coalition), up to 12 " +
          "arrangements (agency, country or group recipients; random purposes, levels and validity), up to 4 " +
          "follow-up grants, and three Person records with a passport and a sanction, under every handling " +
          "code and status. `npm test` runs the same properties at 1,000 cases each " +
          "(test/sharing/properties.test.ts).",
      ],
    },
    {
      title: "Decisions in the speed sample",
      columns: ["level", "decisions", "share"],
      rows: Object.entries(levels)
        .sort(([, a], [, b]) => b - a)
        .map(([level, n]) => [level, String(n), `${((100 * n) / cases).toFixed(1)}%`]),
    },
    {
      title: "Speed of the choke point (one core)",
      columns: ["work", "per second", "± %"],
      rows: speed.map((s) => [s.task, Math.round(s.perSecond).toLocaleString("en"), s.rme.toFixed(1)]),
      notes: [`${cases.toLocaleString("en")} decisions per batch, tinybench 2 s per task; ${machine}.`],
    },
  ];
  const rendered = tables.map(renderTable).join("\n\n");
  console.log(`\n${rendered}\n`);
  writeJson(`${ROOT}bench/results/policy.json`, {
    date,
    commit,
    machine,
    runs: RUNS,
    seed: SEED,
    properties,
    levels,
    speed,
  });
  writeDocsSection(
    `${ROOT}docs/benchmarks.md`,
    "## Sharing policy",
    `Run ${date} at commit ${commit} (\`npm run bench:policy\`).\n\n${rendered}`,
  );
  if (properties.some((p) => !p.ok)) {
    for (const p of properties.filter((q) => !q.ok)) console.error(`${p.name} fails for ${p.counterexample}`);
    process.exitCode = 1;
  }
}

await main();
