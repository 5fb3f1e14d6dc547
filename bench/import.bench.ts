/**
 * `npm run bench:import [-- --quick] [-- --postgres] [-- --only un|ofac|synthetic]`: imports the UN list,
 * the OFAC SDN list and 135,000 synthetic profiles (with aliases and passports) into fresh stores and
 * measures time, rows per second and store size. Prints the table, writes bench/results/import.json and
 * the "## Import" section of docs/benchmarks.md. A --quick run (13,500 profiles) or an --only run (one
 * case) writes its JSON to the temp folder and leaves the docs alone. --postgres repeats every case on a
 * throwaway PostgreSQL database.
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, readdirSync, rmSync, statSync } from "node:fs";
import { cpus, loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { sql } from "drizzle-orm";
import { OFAC_DATASET, readOfacPath } from "../src/formats/ofac-sdn-csv.ts";
import { readTextFile } from "../src/formats/text.ts";
import { parseUnConsolidatedXml, UN_DATASET } from "../src/formats/un-consolidated-xml.ts";
import type { FtmEntity } from "../src/model/entity.ts";
import { validateEntity } from "../src/model/schema.ts";
import { openStore, type Store } from "../src/platform/db.ts";
import { importEntities } from "../src/registry/import.ts";
import { SYNTHETIC_DATASET, syntheticPeople } from "../src/registry/synthetic.ts";
import { postgresTestStore } from "../test/support/stores.ts";
import { renderTable, type Table, writeDocsSection, writeJson } from "./matching/report.ts";

const ROOT = new URL("../", import.meta.url).pathname;
const DATA = join(ROOT, "../shared/data/watchlists");
const UN_FILE = join(DATA, "un/un_sc_consolidated_list_2026-02-27.xml");
const OFAC_FILE = join(DATA, "ofac/ofac_sdn_2021-07.csv");

interface BenchCase {
  name: string;
  source: string;
  dataset: string;
  targetSeconds: number;
  load(): FtmEntity[];
}

interface Measured {
  case: string;
  store: "pglite" | "postgres";
  entities: number;
  persons: number;
  parseSeconds: number;
  validateSeconds: number;
  importSeconds: number;
  totalSeconds: number;
  entitiesPerSecond: number;
  reimportSeconds: number;
  /** The PGlite data folder or, on PostgreSQL, the same as dataBytes. */
  storeBytes: number;
  /** pg_database_size: tables and indexes without the write-ahead log. */
  dataBytes: number;
  targetSeconds: number;
  withinTarget: boolean;
}

function seconds(start: number): number {
  return (performance.now() - start) / 1000;
}

function folderBytes(path: string): number {
  return readdirSync(path, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .reduce((sum, entry) => sum + statSync(join(entry.parentPath, entry.name)).size, 0);
}

async function databaseBytes(store: Store): Promise<number> {
  const [row] = await store.db
    .select({ bytes: sql<string>`pg_database_size(current_database())` })
    .from(sql`(select 1) as one`);
  return Number(row?.bytes);
}

async function measure(benchCase: BenchCase, kind: "pglite" | "postgres"): Promise<Measured> {
  const folder = mkdtempSync(join(tmpdir(), "ftfx-bench-import-"));
  const opened =
    kind === "pglite"
      ? await openStore({ dataDir: folder }).then(async (store) => ({ store, dispose: () => store.close() }))
      : await postgresTestStore();
  const { store } = opened;
  try {
    await store.migrate();
    let start = performance.now();
    const entities = benchCase.load();
    const parseSeconds = seconds(start);
    // Measured apart so the table shows how much of the import is FtM validation.
    start = performance.now();
    for (const entity of entities) validateEntity(entity);
    const validateSeconds = seconds(start);
    const input = {
      source: benchCase.source,
      dataset: benchCase.dataset,
      file: benchCase.name,
      actor: "bench",
      entities,
    };
    start = performance.now();
    const counts = await importEntities(store.db, input);
    const importSeconds = seconds(start);
    if (counts.added !== entities.length)
      throw new Error(`${benchCase.name}: added ${counts.added} of ${entities.length}`);
    start = performance.now();
    const again = await importEntities(store.db, input);
    const reimportSeconds = seconds(start);
    if (again.unchanged !== entities.length)
      throw new Error(`${benchCase.name}: re-import was not idempotent`);
    const dataBytes = await databaseBytes(store);
    await opened.dispose();
    const totalSeconds = parseSeconds + importSeconds;
    return {
      case: benchCase.name,
      store: kind,
      entities: entities.length,
      persons: entities.filter((e) => e.schema === "Person").length,
      parseSeconds,
      validateSeconds,
      importSeconds,
      totalSeconds,
      entitiesPerSecond: entities.length / totalSeconds,
      reimportSeconds,
      storeBytes: kind === "pglite" ? folderBytes(folder) : dataBytes,
      dataBytes,
      targetSeconds: benchCase.targetSeconds,
      withinTarget: totalSeconds <= benchCase.targetSeconds,
    };
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

function table(results: Measured[], people: number): Table {
  const mb = (bytes: number) => (bytes / 1024 / 1024).toFixed(1);
  return {
    title: "Imports into a fresh store (parse + one-transaction import)",
    columns: [
      "case",
      "store",
      "entities",
      "persons",
      "parse s",
      "import s",
      "total s",
      "entities/s",
      "target s",
      "re-import s",
      "store MB",
      "data MB",
      "of which validation s",
    ],
    rows: results.map((r) => [
      r.case,
      r.store,
      String(r.entities),
      String(r.persons),
      r.parseSeconds.toFixed(2),
      r.importSeconds.toFixed(2),
      r.totalSeconds.toFixed(2),
      Math.round(r.entitiesPerSecond).toLocaleString("en"),
      `${r.targetSeconds} ${r.withinTarget ? "✓" : "✗"}`,
      r.reimportSeconds.toFixed(2),
      mb(r.storeBytes),
      mb(r.dataBytes),
      r.validateSeconds.toFixed(2),
    ]),
    notes: [
      [
        `"total" is parsing (or generating ${people.toLocaleString("en")} synthetic people) plus the import transaction,`,
        "without opening the store; the import validates every entity first, then writes entities, their references",
        `(entity_refs) and their version rows. "re-import" runs the same edition again (all unchanged: only last-seen moves). "of which validation" is`,
        "a separate pass of FtM validation over the same entities, the share of the import spent in validateEntity.",
        "Store size: the PGlite data folder after closing (including its write-ahead log) or, on PostgreSQL,",
        "pg_database_size; data size: pg_database_size on both (tables and indexes).",
      ].join(" "),
    ],
  };
}

function optionValue(argv: string[], name: string): string | undefined {
  const at = argv.indexOf(name);
  if (at < 0) return undefined;
  const value = argv[at + 1];
  if (!value || value.startsWith("--")) throw new Error(`${name} needs a value`);
  return value;
}

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  const quick = argv.includes("--quick");
  const only = optionValue(argv, "--only");
  const people = quick ? 13_500 : 135_000;
  const allCases: BenchCase[] = [
    {
      name: "UN consolidated list",
      source: "un",
      dataset: UN_DATASET,
      targetSeconds: 1,
      load: () => parseUnConsolidatedXml(readTextFile(UN_FILE), UN_FILE),
    },
    {
      name: "OFAC SDN (sdn, alt, add)",
      source: "ofac",
      dataset: OFAC_DATASET,
      targetSeconds: 3,
      load: () => readOfacPath(OFAC_FILE),
    },
    {
      name: `${people.toLocaleString("en")} synthetic profiles`,
      source: "synthetic",
      dataset: SYNTHETIC_DATASET,
      targetSeconds: quick ? 6 : 60,
      load: () => syntheticPeople(people),
    },
  ];
  const cases = only ? allCases.filter((c) => c.source === only) : allCases;
  if (cases.length === 0) throw new Error(`--only ${only}: expected un, ofac or synthetic`);
  const partial = quick || only !== undefined;
  const kinds: ("pglite" | "postgres")[] = argv.includes("--postgres") ? ["pglite", "postgres"] : ["pglite"];
  const results: Measured[] = [];
  for (const kind of kinds) {
    for (const benchCase of cases) {
      process.stderr.write(`${benchCase.name} on ${kind}…\n`);
      results.push(await measure(benchCase, kind));
    }
  }
  const commit = execFileSync("git", ["rev-parse", "--short", "HEAD"], {
    cwd: ROOT,
    encoding: "utf8",
  }).trim();
  const date = new Date().toISOString().slice(0, 10);
  const load = loadavg()
    .map((l) => l.toFixed(1))
    .join(" / ");
  const machine = `${cpus().length} × ${cpus()[0]?.model.trim() ?? "CPU"}, Node ${process.version}, load average ${load} at the end`;
  const rendered = renderTable(table(results, people));
  process.stdout.write(`${rendered}\n`);
  const json = { date, commit, machine, quick, results };
  writeJson(
    partial ? join(tmpdir(), "ftfx-import-bench.json") : join(ROOT, "bench/results/import.json"),
    json,
  );
  if (!partial) {
    const body = `Run ${date} at commit ${commit} (\`npm run bench:import\`) on ${machine}, shared with other work.\n\n${rendered}`;
    writeDocsSection(join(ROOT, "docs/benchmarks.md"), "## Import", body);
  }
}

await main();
