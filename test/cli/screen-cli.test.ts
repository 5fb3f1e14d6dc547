import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, test } from "node:test";
import { wcoWatchlist } from "../screening/wco.ts";
import { dataPath } from "../support/data.ts";

const dir = mkdtempSync(join(tmpdir(), "ftfx-screen-"));
after(() => rmSync(dir, { recursive: true, force: true }));

const env: NodeJS.ProcessEnv = { ...process.env, FTFX_DATA_DIR: join(dir, "store"), FTFX_LOG_LEVEL: "warn" };
delete env.DATABASE_URL;

function ftfx(...args: string[]) {
  const r = spawnSync(process.execPath, ["bin/ftfx.js", ...args], { encoding: "utf8", env });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

const WATCHLIST = join(dir, "watchlist.ftm.jsonl");
writeFileSync(
  WATCHLIST,
  `${wcoWatchlist()
    .map((e) => JSON.stringify(e))
    .join("\n")}\n`,
);
const FLIGHT2 = dataPath("travel-messages/paxlst/gtas_wco_flight2.edi");
const BAD = dataPath("travel-messages/pnrgov/gtas_pnrgov_bad_format.edi");

test("screen manifest --list --json prints the documented object", () => {
  const r = ftfx("screen", "manifest", FLIGHT2, "--list", WATCHLIST, "--json");
  assert.equal(r.code, 0, r.err);
  const report = JSON.parse(r.out);
  assert.deepEqual(Object.keys(report).sort(), ["alerts", "flight", "travellers"]);
  assert.equal(report.flight.carrier, "FI");
  assert.equal(report.travellers, 10);
  assert.equal(report.alerts.length, 1);
  const [alert] = report.alerts;
  assert.deepEqual(Object.keys(alert.traveller).sort(), [
    "birthDate",
    "documentNumber",
    "name",
    "nationality",
  ]);
  assert.equal(alert.traveller.name, "REUBEN THEBAULT");
  assert.equal(alert.matches[0].caption, "RUBEN THEBAULT");
  assert.equal(typeof alert.score, "number");
  assert.ok(Array.isArray(alert.ruleHits));
});

test("screen traveller and screen mrz in memory", () => {
  const t = ftfx(
    "screen",
    "traveller",
    "--name",
    "Ruben Thebault",
    "--dob",
    "1945-01-11",
    "--list",
    WATCHLIST,
    "--json",
  );
  assert.equal(t.code, 0, t.err);
  assert.equal(JSON.parse(t.out).alert, true);
  const m = ftfx(
    "screen",
    "mrz",
    "P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<",
    "L898902C36UTO7408122F1204159ZE184226B<<<<<10",
    "--list",
    WATCHLIST,
    "--json",
  );
  assert.equal(m.code, 0, m.err);
  const read = JSON.parse(m.out);
  assert.equal(read.document.format, "TD3");
  assert.equal(read.traveller.name, "ANNA MARIA ERIKSSON");
  assert.equal(read.traveller.documentNumber, "L898902C3");
  assert.equal(read.alert, false);
  const bad = ftfx("screen", "traveller", "--name", "X", "--dob", "13/01/1945", "--list", WATCHLIST);
  assert.equal(bad.code, 2);
  assert.match(bad.err, /birthDate/);
});

test("against the store: alert, dismiss, cleared before; a malformed manifest exits 2 and stores nothing", () => {
  assert.equal(ftfx("import", "ftm", WATCHLIST).code, 0);
  const first = JSON.parse(ftfx("screen", "manifest", FLIGHT2, "--json").out);
  assert.equal(first.alerts.length, 1);
  const id = first.alerts[0].alertId;
  const listed = ftfx("alerts", "list", "--status", "open", "--json")
    .out.trim()
    .split("\n")
    .map((l) => JSON.parse(l));
  assert.deepEqual(
    listed.map((a) => a.id),
    [id],
  );
  const decided = ftfx(
    "alerts",
    "decide",
    id,
    "--decision",
    "dismiss",
    "--reason",
    "different person",
    "--json",
  );
  assert.equal(decided.code, 0, decided.err);
  assert.equal(JSON.parse(decided.out).status, "dismissed");
  assert.equal(JSON.parse(decided.out).history.length, 1);
  const again = JSON.parse(ftfx("screen", "manifest", FLIGHT2, "--json").out);
  assert.deepEqual(again.alerts, []);
  assert.equal(again.clearedBefore[0].traveller.name, "REUBEN THEBAULT");
  const bad = ftfx("screen", "manifest", BAD);
  assert.equal(bad.code, 2);
  assert.match(bad.err, /segment \d+/);
  assert.equal(ftfx("alerts", "list", "--json").out.trim().split("\n").length, 1);
});
