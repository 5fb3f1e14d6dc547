/**
 * `npm run bench:matching [-- --quick] [-- --only=un-retrieval,speed]`: ftfx's matching engine side by side
 * with simple and database peers on public data, in one run. Prints the tables, writes
 * bench/results/matching.json and the "## Matching" section of docs/benchmarks.md (a --quick smoke run
 * writes its JSON to the temp folder and leaves the docs alone).
 */
import { execFileSync } from "node:child_process";
import { cpus, loadavg, tmpdir, totalmem } from "node:os";
import { join } from "node:path";
import type { BenchContext } from "./matching/context.ts";
import { runCrossScript } from "./matching/cross-script.ts";
import { runFalseAlerts } from "./matching/false-alerts.ts";
import { loadFtfx } from "./matching/ftfx.ts";
import { loadLists } from "./matching/lists.ts";
import { runNameBench } from "./matching/name-bench.ts";
import { IN_PROCESS_PEERS } from "./matching/peers.ts";
import { openPglite, pgTrgmPeer } from "./matching/pg-trgm.ts";
import { renderSection, type SectionResult, writeDocsSection, writeJson } from "./matching/report.ts";
import { runSpeed } from "./matching/speed.ts";
import { runUnRetrieval } from "./matching/un-retrieval.ts";

const ROOT = new URL("../", import.meta.url).pathname;
const SECTIONS = ["names", "un-retrieval", "false-alerts", "cross-script", "speed"] as const;

function git(...args: string[]): string {
  return execFileSync("git", args, { cwd: ROOT, encoding: "utf8" }).trim();
}

function options(argv: string[]): { quick: boolean; only: Set<string> } {
  const onlyArg = argv.find((a) => a.startsWith("--only="));
  const only = new Set(onlyArg ? onlyArg.slice("--only=".length).split(",") : SECTIONS);
  for (const id of only) {
    if (!(SECTIONS as readonly string[]).includes(id))
      throw new Error(`--only: unknown section ${id} (${SECTIONS.join(", ")})`);
  }
  return { quick: argv.includes("--quick"), only };
}

async function main(): Promise<void> {
  const { quick, only } = options(process.argv.slice(2));
  const started = performance.now();
  const loadAtStart = loadavg()[0] ?? 0;
  const log = (message: string) =>
    console.error(`[${((performance.now() - started) / 1000).toFixed(0)}s] ${message}`);
  const pglite = await openPglite();
  const ctx: BenchContext = {
    quick,
    ftfx: await loadFtfx(),
    peers: [...IN_PROCESS_PEERS, pgTrgmPeer(pglite)],
    thresholds: new Map(),
    log,
  };
  if ("absent" in ctx.ftfx) log(`ftfx engine absent: ${ctx.ftfx.absent}`);

  const sections: SectionResult[] = [];
  const show = (section: SectionResult) => {
    sections.push(section);
    console.log(`\n${renderSection(section)}\n`);
  };
  // The name benchmark always runs: it sets the thresholds the peers alert at in later sections.
  show(await runNameBench(ctx));
  if (only.has("un-retrieval")) show(await runUnRetrieval(ctx, await loadLists(["un"])));
  if (only.has("false-alerts") || only.has("cross-script")) {
    const lists = await loadLists(["un", "ofac"]);
    if (only.has("false-alerts")) show(await runFalseAlerts(ctx, lists));
    if (only.has("cross-script")) show(await runCrossScript(ctx, lists));
  }
  await pglite.close();
  if (only.has("speed")) show(await runSpeed(ctx));

  // The bench's own earlier output in bench/results does not make the code measured differ from the commit.
  const dirty = git("status", "--porcelain", "--", "src", "bench", ":!bench/results").length > 0;
  const run = {
    date: new Date().toISOString(),
    commit:
      git("rev-parse", "--short", "HEAD") + (dirty ? " (with uncommitted changes in src/ or bench/)" : ""),
    machine: `${cpus().length} cores (${cpus()[0]?.model.trim() ?? "unknown CPU"}), ${(totalmem() / 2 ** 30).toFixed(0)} GB RAM, Node ${process.version}`,
    quick,
    seconds: Math.round((performance.now() - started) / 1000),
    // The machine is shared: other work inflates every time measured here.
    loadAverage: { start: loadAtStart, end: loadavg()[0] ?? 0 },
  };
  const ftfxStatus =
    "engine" in ctx.ftfx
      ? `present, default alert threshold ${ctx.ftfx.engine.threshold}`
      : `absent (${ctx.ftfx.absent})`;
  const peers = ctx.peers.map((p) => ({
    id: p.id,
    label: p.label,
    how: p.how,
    threshold: ctx.thresholds.get(p.id),
  }));
  const json = {
    ...run,
    ftfx: ftfxStatus,
    peers,
    sections: Object.fromEntries(sections.map((s) => [s.id, s.data])),
  };

  if (quick || only.size < SECTIONS.length) {
    const path = join(tmpdir(), "ftfx-matching-bench.json");
    writeJson(path, json);
    log(`partial run: wrote ${path}; bench/results and docs/benchmarks.md left alone`);
    return;
  }
  writeJson(join(ROOT, "bench/results/matching.json"), json);
  const header = [
    `Run ${run.date} at commit ${run.commit}, on ${run.machine}; ${run.seconds} s in all. The machine is shared: 1-minute load average ${run.loadAverage.start.toFixed(1)} at the start and ${run.loadAverage.end.toFixed(1)} at the end, so times are inflated, by amounts that vary during the run; the ftfx/pg_trgm ratios of section 5, measured back to back on the same queries, are the steadier figures. Produced by \`npm run bench:matching\`; raw figures in \`bench/results/matching.json\`.`,
    `ftfx: ${ftfxStatus}. Every system runs in the same process on the same data (speed in a child process of its own).`,
    "How each peer was run:",
    [
      ...peers.map((p) => `- **${p.label}**: ${p.how}.`),
      "- **logic-v2**: not run here; its frozen per-pair scores and verdicts (threshold 0.70) from nomenklatura's `logicv2-frozen.csv`, on the pairs that line up with the case file.",
    ].join("\n"),
  ].join("\n\n");
  writeDocsSection(
    join(ROOT, "docs/benchmarks.md"),
    "## Matching",
    [header, ...sections.map(renderSection)].join("\n\n"),
  );
  log("wrote bench/results/matching.json and the Matching section of docs/benchmarks.md");
}

await main();
