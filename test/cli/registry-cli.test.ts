import assert from "node:assert/strict";
import { execFile, spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, test } from "node:test";
import { fileURLToPath } from "node:url";
import { parse } from "csv-parse/sync";
import { openStore } from "../../src/platform/db.ts";
import { listEntities, registryStats } from "../../src/registry/queries.ts";
import { dataPath } from "../support/data.ts";

/** Each run opens PGlite (seconds), so the cases share one data folder and run in order. */
const BIN = fileURLToPath(new URL("../../bin/ftfx.js", import.meta.url));
const UN = dataPath("watchlists/un/un_sc_consolidated_list_2026-02-27.xml");
const OFAC_SDN = dataPath("watchlists/ofac/ofac_sdn_2021-07.csv");
const OFAC_SMALL = dataPath("watchlists/ofac/sample_small");
const DONATIONS = dataPath("ftm/yente_parteispenden_payments.ftm.jsonl");
const NATIONAL_CSV = fileURLToPath(new URL("../../docs/examples/national-list.csv", import.meta.url));
const NATIONAL_MAP = fileURLToPath(
  new URL("../../docs/examples/national-list.mapping.yaml", import.meta.url),
);

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

let dataDir: string;

function ftfx(...args: string[]): Promise<Run> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [BIN, ...args],
      {
        env: { ...process.env, FTFX_DATA_DIR: dataDir, DATABASE_URL: "", FTFX_LOG_LEVEL: "warn" },
        maxBuffer: 1 << 28,
      },
      (error, stdout, stderr) => resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr }),
    );
  });
}

function jsonLines(text: string): Record<string, unknown>[] {
  return text
    .split("\n")
    .filter((line) => line.trim())
    .map((line) => JSON.parse(line));
}

function countsOf(run: Run): Record<string, unknown> {
  assert.equal(run.code, 0, run.stderr);
  const counts = JSON.parse(run.stdout);
  assert.deepEqual(Object.keys(counts), ["added", "updated", "unchanged", "delisted"]);
  return counts;
}

describe("ftfx import, export and entities commands", () => {
  before(() => {
    dataDir = mkdtempSync(join(tmpdir(), "ftfx-cli-"));
  });
  after(() => rmSync(dataDir, { recursive: true, force: true }));

  let unPeople = 0;
  test("import un: every INDIVIDUAL of the XML becomes a Person, counts as JSON", async () => {
    unPeople = readFileSync(UN, "utf8").match(/<INDIVIDUAL>/g)?.length ?? 0;
    const counts = countsOf(await ftfx("import", "un", UN, "--json"));
    assert.ok((counts.added as number) > unPeople);
    assert.deepEqual([counts.updated, counts.unchanged, counts.delisted], [0, 0, 0]);
    const list = await ftfx("entities", "list", "--schema", "Person", "--limit", "100000", "--json");
    assert.equal(list.code, 0, list.stderr);
    const people = jsonLines(list.stdout);
    assert.equal(people.length, unPeople);
    assert.ok(people.every((p) => p.schema === "Person" && p.status === "active" && p.listRef));
  });

  test("entities search finds a listed person through the matching engine, across scripts", async () => {
    const xml = readFileSync(UN, "utf8");
    const block =
      xml.match(
        /<INDIVIDUAL>(?:(?!<\/INDIVIDUAL>)[\s\S])*?<NAME_ORIGINAL_SCRIPT>[^<]+<\/NAME_ORIGINAL_SCRIPT>[\s\S]*?<\/INDIVIDUAL>/,
      )?.[0] ?? "";
    const reference = block.match(/<REFERENCE_NUMBER>([^<]+)</)?.[1];
    const original = block.match(/<NAME_ORIGINAL_SCRIPT>([^<]+)</)?.[1];
    assert.ok(reference && original, "the UN list has a person with an original-script name");
    const run = await ftfx("entities", "search", original, "--limit", "3", "--json");
    assert.equal(run.code, 0, run.stderr);
    const [top] = jsonLines(run.stdout);
    assert.equal(top?.listRef, reference);
    assert.ok(Array.isArray(top?.explanation));
  });

  test("bad input exits 2 naming the place and writes nothing", async () => {
    const badFtm = join(dataDir, "bad.ftm.jsonl");
    writeFileSync(
      badFtm,
      `{"id":"x-1","schema":"Person","properties":{"name":["A"]}}\n{"id":"x-2","schema":"Person","properties":{"colour":["blue"]}}\n`,
    );
    const badUtf8 = join(dataDir, "latin1.ftm.jsonl");
    writeFileSync(badUtf8, Buffer.from([0x7b, 0x22, 0xe9, 0x22, 0x7d, 0x0a]));
    const cases: [string[], RegExp][] = [
      [["import", "ftm", badFtm], /bad\.ftm\.jsonl:2: .*colour/],
      [["import", "ftm", badUtf8], /latin1\.ftm\.jsonl:1: invalid UTF-8/],
      [["import", "ftm", join(dataDir, "missing.jsonl")], /missing\.jsonl/],
      [["import", "ofac", OFAC_SMALL], /ofac_alt_sample\.csv:1: .*10416/],
      [["import", "un", UN, "--handling", "PURPLE"], /--handling/],
    ];
    for (const [args, message] of cases) {
      const run = await ftfx(...args);
      assert.equal(run.code, 2, `${args.join(" ")}: ${run.stderr}`);
      assert.match(run.stderr, message);
      assert.equal(run.stdout, "");
    }
  });

  test("show and history print one JSON object and JSON Lines; a missing id exits 2", async () => {
    const store = await openStore({ dataDir });
    const { items } = await listEntities(store.db, { schema: "Person", limit: 1, offset: 0 });
    await store.close();
    const id = items[0]?.id ?? "";
    const show = await ftfx("entities", "show", id, "--json");
    assert.equal(show.code, 0, show.stderr);
    assert.equal(JSON.parse(show.stdout).id, id);
    const history = await ftfx("entities", "history", id, "--json");
    assert.deepEqual(
      jsonLines(history.stdout).map((v) => [v.version, v.change]),
      [[1, "created"]],
    );
    assert.equal((await ftfx("entities", "show", "no-such-id")).code, 2);
  });

  test("import ftm, csv and the full OFAC list; export writes every entity back", async () => {
    const donations = jsonLines(readFileSync(DONATIONS, "utf8"));
    const ftm = countsOf(await ftfx("import", "ftm", DONATIONS, "--json"));
    assert.equal(ftm.added, new Set(donations.map((e) => e.id)).size);

    const csvRows = (parse(readFileSync(NATIONAL_CSV, "utf8"), { columns: true }) as Record<string, string>[])
      .length;
    const csv = countsOf(await ftfx("import", "csv", NATIONAL_CSV, "--map", NATIONAL_MAP, "--json"));
    assert.equal(csv.added, csvRows);

    const sdnRows = (
      parse(readFileSync(OFAC_SDN, "utf8"), { relax_quotes: true, relax_column_count: true }) as string[][]
    ).filter((row) => row.length > 2);
    const ofacPeople = sdnRows.filter((row) => row[2]?.trim() === "individual").length;
    const ofac = countsOf(await ftfx("import", "ofac", OFAC_SDN, "--json"));
    assert.ok((ofac.added as number) >= sdnRows.length);

    const out = join(dataDir, "export.ftm.jsonl");
    const exported = await ftfx("export", "ftm", "--out", out, "--json");
    assert.equal(exported.code, 0, exported.stderr);
    const lines = jsonLines(readFileSync(out, "utf8"));
    assert.deepEqual(JSON.parse(exported.stdout), { exported: lines.length, file: out });

    const store = await openStore({ dataDir });
    const stats = await registryStats(store.db);
    const ofacPersons = await listEntities(store.db, {
      schema: "Person",
      dataset: "us-ofac-sdn",
      limit: 0,
      offset: 0,
    });
    await store.close();
    assert.equal(lines.length, stats.total);
    assert.ok(!lines.some((e) => e.id === "x-1"), "the valid first line of a rejected file was not imported");
    assert.equal(ofacPersons.total, ofacPeople);
    const donors = donations.filter((e) => e.schema === "Person").length;
    assert.equal(stats.bySchema.Person, unPeople + ofacPeople + donors + csvRows);
    assert.equal(
      stats.byDataset.yente_parteispenden_payments,
      donations.length,
      "dataset from the file name",
    );
  });

  test("a reader that stops after the first line ends the listing quietly", async () => {
    const child = spawn(process.execPath, [BIN, "entities", "list", "--json", "--limit", "20000"], {
      env: { ...process.env, FTFX_DATA_DIR: dataDir, DATABASE_URL: "", FTFX_LOG_LEVEL: "warn" },
    });
    let stderr = "";
    child.stderr.on("data", (chunk) => {
      stderr += chunk;
    });
    const first = await new Promise<string>((resolve) =>
      child.stdout.once("data", (chunk) => resolve(String(chunk))),
    );
    child.stdout.destroy();
    const code = await new Promise<number | null>((resolve) => child.on("close", resolve));
    assert.ok(JSON.parse(first.split("\n")[0] ?? "").id, "a JSON line came first");
    assert.equal(stderr, "");
    assert.equal(code, 0);
  });
});
