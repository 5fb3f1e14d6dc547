/**
 * Section 5 as the parent sees it: runs speed-run.ts in a child process (so its memory figure is not
 * mixed with the other sections') and turns its figures into tables.
 */
import { fork } from "node:child_process";
import { fileURLToPath } from "node:url";
import type { BenchContext } from "./context.ts";
import { fixed, type SectionResult } from "./report.ts";
import type { SpeedFigures } from "./speed-run.ts";

const WORKER = fileURLToPath(new URL("./speed-run.ts", import.meta.url));

function runWorker(quick: boolean): Promise<SpeedFigures> {
  return new Promise((resolve, reject) => {
    const child = fork(WORKER, quick ? ["--quick"] : [], {
      execArgv: ["--max-semi-space-size=32", "--import", "tsx", "--expose-gc"],
      stdio: ["ignore", "inherit", "inherit", "ipc"],
    });
    let figures: SpeedFigures | undefined;
    child.on("message", (message) => {
      figures = message as SpeedFigures;
    });
    child.on("error", reject);
    child.on("exit", (code) => {
      if (figures && code === 0) resolve(figures);
      else reject(new Error(`speed worker exited with code ${code} before reporting`));
    });
  });
}

const seconds = (millis: number) => fixed(millis / 1000, 1);

export async function runSpeed(ctx: BenchContext): Promise<SectionResult> {
  ctx.log("Speed: child process (synthetic people + UN + OFAC)");
  const f = await runWorker(ctx.quick);
  const ftfxLatency = f.ftfx?.latency;
  const times = (p50: number, p95: number) =>
    ftfxLatency ? `${fixed(p50 / ftfxLatency.p50, 1)}× / ${fixed(p95 / ftfxLatency.p95, 1)}×` : "—";

  const latencyRows: string[][] = [];
  if (f.ftfx) {
    const l = f.ftfx.latency;
    latencyRows.push([
      "ftfx (in process)",
      String(l.queries),
      fixed(l.p50, 3),
      fixed(l.p95, 3),
      fixed(l.mean, 3),
      "1×",
    ]);
  } else latencyRows.push(["ftfx", "—", "absent", "absent", "absent", "—"]);
  for (const pg of f.pgTrgm) {
    const l = pg.latency;
    latencyRows.push([
      `pg_trgm, ${pg.engine} (GIN)`,
      String(l.queries),
      fixed(l.p50),
      fixed(l.p95),
      fixed(l.mean),
      times(l.p50, l.p95),
    ]);
  }
  for (const peer of f.peers) {
    const l = peer.latency;
    latencyRows.push([
      `${peer.label} (exhaustive scan)`,
      String(l.queries),
      fixed(l.p50, 1),
      fixed(l.p95, 1),
      fixed(l.mean, 1),
      times(l.p50, l.p95),
    ]);
  }

  const buildRows: string[][] = [];
  if (f.ftfx) {
    const x = f.ftfx;
    buildRows.push([
      "ftfx",
      `profiles ${seconds(x.profileMillis)} + index ${seconds(x.indexMillis)} = ${seconds(x.profileMillis + x.indexMillis)}`,
      `${fixed(x.rssMb, 0)} (heap ${fixed(x.heapUsedMb, 0)})`,
      `${fixed(x.batchPerSecond, 0)} queries/s on one core`,
    ]);
  } else buildRows.push(["ftfx", `absent: ${f.ftfxAbsent ?? ""}`, "—", "—"]);
  for (const pg of f.pgTrgm) {
    buildRows.push([
      `pg_trgm, ${pg.engine}`,
      `load ${seconds(pg.loadMillis)} + GIN ${seconds(pg.indexMillis)}`,
      "—",
      "—",
    ]);
  }
  for (const peer of f.peers) buildRows.push([peer.label, `prepare ${seconds(peer.buildMillis)}`, "—", "—"]);

  return {
    id: "speed",
    title: `5. Speed (${f.people.toLocaleString("en")} synthetic people + UN + OFAC)`,
    tables: [
      {
        title: `Build and memory (${f.subjects.toLocaleString("en")} subjects, ${f.names.toLocaleString("en")} names)`,
        columns: ["system", "build (s)", "RSS (MB)", "batch"],
        rows: buildRows,
        notes: [
          `Synthetic people: syntheticPeople(${f.people}, seed 2178) from src/registry/synthetic.ts; generating them and parsing the lists took ${seconds(f.generateMillis)} s (not counted). Process RSS before loading: ${fixed(f.baseRssMb, 0)} MB.`,
          "ftfx RSS is measured in a child process of its own after the index is built and the source entities are released (forced GC); it includes Node itself and the list of names kept for the pg_trgm runs that follow.",
        ],
      },
      {
        title: `Query latency, top ${5} (ms)`,
        columns: ["system", "queries", "p50", "p95", "mean", "time ÷ ftfx time (p50 / p95)"],
        rows: latencyRows,
        notes: [
          `Queries: ${f.queries} evenly spread over yente's UN positives and synthetic negatives (multi-script); the same queries go to ftfx and pg_trgm, after a warm-up. ftfx queries carry birth date, nationality and gender where the row has them; the peers get the name.`,
          `pg_trgm: \`SELECT grp, max(similarity(name, $1)) … WHERE name % $1 GROUP BY grp ORDER BY score DESC LIMIT 5\` on a GIN gin_trgm_ops index, similarity_threshold 0.3, folded names; time includes the client round trip (PGlite in process; PostgreSQL over TCP on localhost).`,
          "Fuse.js and the exhaustive peers are timed on a few queries only (see the queries column); they have no index and scan every name.",
        ],
      },
    ],
    data: f,
  };
}
