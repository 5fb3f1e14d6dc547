/**
 * `npm run bench:api`: autocannon on loopback against the screening endpoint of a real server process
 * with the synthetic demo registry, beside POST /api/v1/match and GET /health as the floor of the HTTP
 * stack: on the embedded PGlite store (the default) and, when the PostgreSQL server is reachable, on a
 * fresh database there (production mode). Every screening request is matched, passed through the sharing
 * policy and audited. Writes bench/results/api.json and "## API" in docs/benchmarks.md.
 */
import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import { randomUUID } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { cpus, loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import autocannon from "autocannon";
import pg from "pg";
import { systemClock } from "../src/platform/clock.ts";
import { openStore } from "../src/platform/db.ts";
import { loadDemoIfEmpty } from "../src/registry/demo-load.ts";
import { syntheticPeople } from "../src/registry/synthetic.ts";
import { addAgency } from "../src/sharing/agencies.ts";
import { createKey } from "../src/sharing/api-keys.ts";
import { LOCAL_OPERATOR } from "../src/sharing/context.ts";
import { POSTGRES_ADMIN_URL } from "../test/support/stores.ts";
import { renderTable, type Table, writeDocsSection, writeJson } from "./matching/report.ts";

const ROOT = new URL("../", import.meta.url).pathname;
const QUICK = process.argv.includes("--quick");
const PEOPLE = QUICK ? 2_000 : 20_000;
const SECONDS = QUICK ? 5 : 15;
/** Each load first runs this long unmeasured: the figures are a running server's, not its first requests' (JIT). */
const WARMUP_SECONDS = QUICK ? 1 : 3;
const CONNECTIONS = 16;
const PORT = 18_080;

const git = (...args: string[]) => execFileSync("git", args, { cwd: ROOT, encoding: "utf8" }).trim();

/** Where a run keeps its data: a PGlite folder, or a PostgreSQL database (then the folder stays empty). */
interface Target {
  label: string;
  dataDir: string;
  databaseUrl: string;
}

async function prepareStore({ dataDir, databaseUrl }: Target): Promise<string> {
  const store = await openStore(databaseUrl ? { dataDir, databaseUrl } : { dataDir });
  await store.migrate();
  await loadDemoIfEmpty(store.db, PEOPLE);
  const context = { actor: LOCAL_OPERATOR, clock: systemClock };
  const agency = await addAgency(
    store.db,
    { country: "NL", name: "Bench border unit", type: "border" },
    context,
  );
  const { key } = await createKey(store.db, { agencyId: agency.id, roles: ["screener", "analyst"] }, context);
  await store.close();
  return key;
}

async function startServer({ dataDir, databaseUrl }: Target): Promise<ChildProcess> {
  const server = spawn(
    process.execPath,
    ["--max-semi-space-size=32", "--import", "tsx", join(ROOT, "src/api/main.ts")],
    {
      env: {
        ...process.env,
        FTFX_DATA_DIR: dataDir,
        DATABASE_URL: databaseUrl,
        PORT: String(PORT),
        HOST: "127.0.0.1",
        FTFX_DEMO: "0",
        FTFX_LOG_LEVEL: "warn",
        FTFX_RATE_LIMIT: "100000000",
      },
      stdio: ["ignore", "ignore", "inherit"],
    },
  );
  for (let tries = 0; tries < 600; tries++) {
    const ok = await fetch(`http://127.0.0.1:${PORT}/health`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) return server;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  server.kill();
  throw new Error("the server did not start");
}

interface LoadResult {
  name: string;
  requests: number;
  rps: number;
  p50: number;
  p99: number;
  errors: number;
  non2xx: number;
}

/** autocannon runs `warmup` first and leaves it out of the figures; its type definitions lack the option. */
type WithWarmup = autocannon.Options & { warmup: { connections: number; duration: number } };

async function load(name: string, options: autocannon.Options): Promise<LoadResult> {
  const run: WithWarmup = {
    connections: CONNECTIONS,
    duration: SECONDS,
    warmup: { connections: CONNECTIONS, duration: WARMUP_SECONDS },
    ...options,
  };
  const result = await autocannon(run);
  return {
    name,
    requests: result.requests.total,
    rps: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors,
    non2xx: result.non2xx,
  };
}

/** A fresh database on the PostgreSQL server and how to drop it, or undefined when the server is not reachable. */
async function freshPostgres(): Promise<{ url: string; drop: () => Promise<void> } | undefined> {
  const name = `ftfx_bench_api_${randomUUID().replaceAll("-", "").slice(0, 12)}`;
  const admin = async (sql: string) => {
    const client = new pg.Client({ connectionString: POSTGRES_ADMIN_URL });
    await client.connect();
    try {
      await client.query(sql);
    } finally {
      await client.end();
    }
  };
  try {
    await admin(`CREATE DATABASE ${name}`);
  } catch {
    return undefined;
  }
  const url = new URL(POSTGRES_ADMIN_URL);
  url.pathname = `/${name}`;
  return { url: url.toString(), drop: () => admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`) };
}

/** The three loads against a server on `target`. */
async function runOn(target: Target): Promise<LoadResult[]> {
  const key = await prepareStore(target);
  const server = await startServer(target);
  try {
    const url = `http://127.0.0.1:${PORT}`;
    const people = syntheticPeople(PEOPLE).filter((e) => e.schema === "Person");
    const travellers = people.slice(0, 500).map((p) => ({
      name: p.properties.name?.[0] ?? "",
      ...(p.properties.birthDate?.[0] ? { birthDate: p.properties.birthDate[0] } : {}),
    }));
    const headers = { authorization: `Bearer ${key}`, "content-type": "application/json" };
    const requestsOf = (extra: object) =>
      travellers.map((traveller) => ({
        method: "POST" as const,
        body: JSON.stringify({ ...extra, ...traveller }),
        headers,
      }));
    const named = (result: LoadResult) => ({ ...result, name: `${result.name}, ${target.label}` });
    return [
      named(await load("GET /health (HTTP floor)", { url: `${url}/health` })),
      named(
        await load("POST /api/v1/screening/travellers", {
          url: `${url}/api/v1/screening/travellers`,
          requests: requestsOf({ purpose: "border-screening" }),
        }),
      ),
      named(
        await load("POST /api/v1/match", {
          url: `${url}/api/v1/match`,
          requests: requestsOf({ purpose: "border-screening" }),
        }),
      ),
    ];
  } finally {
    await stop(server);
  }
}

/** Stops the server and waits for it to exit (it frees the port and the store). */
function stop(server: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (server.exitCode !== null) return resolve();
    server.once("exit", () => resolve());
    server.kill("SIGTERM");
  });
}

const dataDir = mkdtempSync(join(tmpdir(), "ftfx-bench-api-"));
const postgres = await freshPostgres();
try {
  const results = await runOn({ label: "PGlite", dataDir: join(dataDir, "pglite"), databaseUrl: "" });
  if (postgres)
    results.push(
      ...(await runOn({ label: "PostgreSQL", dataDir: join(dataDir, "pg"), databaseUrl: postgres.url })),
    );
  const table: Table = {
    title: `autocannon, ${CONNECTIONS} connections, ${SECONDS} s each after ${WARMUP_SECONDS} s unmeasured, ${PEOPLE.toLocaleString("en")} synthetic people`,
    columns: ["endpoint, store", "requests", "requests/s", "p50 ms", "p99 ms", "errors", "non-2xx"],
    rows: results.map((r) => [
      r.name,
      String(r.requests),
      r.rps.toFixed(0),
      String(r.p50),
      String(r.p99),
      String(r.errors),
      String(r.non2xx),
    ]),
    notes: [
      "Target (issue 6): screening endpoint >= 2,000 requests/s with p99 <= 25 ms. Server, load generator and (for PostgreSQL) the database server share the machine's 2 cores; every screening request appends to the audit chain.",
      "PGlite runs inside the server process, so its queries take that process's time; PostgreSQL (production mode) runs them in its own processes.",
      postgres
        ? "PostgreSQL: a fresh database on the machine's server, dropped afterwards."
        : "PostgreSQL: not reachable, not measured.",
      "The bench agency holds no arrangement with the registry's originator: every match is decided by the policy and audited, none is disclosed (no disclosure rows, no hit notifications).",
      `Machine load average ${loadavg()[0]?.toFixed(1)} when the runs ended (2 cores shared with other work): figures scale with it.`,
    ],
  };
  const rendered = renderTable(table);
  console.log(rendered);
  const meta = {
    date: new Date().toISOString(),
    commit: git("rev-parse", "--short", "HEAD"),
    cores: cpus().length,
    loadAverage: loadavg()[0]?.toFixed(1),
  };
  writeJson(join(ROOT, "bench/results/api.json"), {
    ...meta,
    people: PEOPLE,
    seconds: SECONDS,
    warmupSeconds: WARMUP_SECONDS,
    results,
  });
  writeDocsSection(
    join(ROOT, "docs/benchmarks.md"),
    "## API",
    `Measured ${meta.date.slice(0, 10)} at commit ${meta.commit} on ${meta.cores} cores (load average ${meta.loadAverage} at the end): \`npm run bench:api\`.\n\n${rendered}`,
  );
} finally {
  await postgres?.drop();
  rmSync(dataDir, { recursive: true, force: true });
}
