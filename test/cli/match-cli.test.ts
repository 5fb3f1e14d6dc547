import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, test } from "node:test";
import { parse } from "csv-parse/sync";
import { dataPath } from "../support/data.ts";

const dir = mkdtempSync(join(tmpdir(), "ftfx-match-"));
after(() => rmSync(dir, { recursive: true, force: true }));

function ftfx(...args: string[]) {
  const r = spawnSync(process.execPath, ["bin/ftfx.js", ...args], { encoding: "utf8" });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

const LIST = dataPath("ftm/yente_t1_entities.ftm.jsonl");

test("match --queries --list: one result line per query, in input order, with the documented shape", () => {
  const entities = readFileSync(LIST, "utf8")
    .split("\n")
    .filter(Boolean)
    .map((l) => JSON.parse(l) as { schema: string; properties: { name?: string[] } })
    .filter((e) => e.schema === "Person" && e.properties.name?.[0]);
  const listed = entities[0]?.properties.name?.[0] ?? "";
  const queries = join(dir, "q.jsonl");
  writeFileSync(
    queries,
    [
      JSON.stringify({ id: "q1", name: listed }),
      JSON.stringify({ id: "q2", name: "Nobody Syntheticperson", birthDate: "1970-1-2" }),
      JSON.stringify({ id: "q3", name: listed, schema: "Person", nationality: "RU", gender: "male" }),
    ].join("\n"),
  );
  const out = join(dir, "r.jsonl");
  const r = ftfx("match", "--queries", queries, "--list", LIST, "--top", "2", "--out", out);
  assert.equal(r.code, 0, r.err);
  const lines = readFileSync(out, "utf8")
    .trim()
    .split("\n")
    .map((l) => JSON.parse(l));
  assert.deepEqual(
    lines.map((l) => l.id),
    ["q1", "q2", "q3"],
  );
  const best = lines[0].matches[0];
  assert.ok(lines.every((l) => l.matches.length <= 2));
  assert.deepEqual(
    Object.keys(best).sort(),
    ["alert", "caption", "entityId", "explanation", "score"].concat(best.listRef ? ["listRef"] : []).sort(),
  );
  assert.equal(best.alert, true);
  assert.ok(best.score > 0 && best.score < 1);
  const sum = best.explanation.reduce((s: number, e: { weight: number }) => s + e.weight, 0);
  assert.ok(Math.abs(sum - Math.log(best.score / (1 - best.score))) < 1e-6);
});

test("match with a bad query line exits 2 naming FILE:LINE and writes nothing", () => {
  const queries = join(dir, "bad.jsonl");
  writeFileSync(queries, `${JSON.stringify({ id: "q1", name: "A B" })}\n{"id":"q2"}\n`);
  const out = join(dir, "bad-out.jsonl");
  const r = ftfx("match", "--queries", queries, "--list", LIST, "--out", out);
  assert.equal(r.code, 2);
  assert.match(r.err, new RegExp(`${queries}:2: name`));
  assert.throws(() => readFileSync(out));
});

test("match-pairs copies the columns, quotes correctly and adds score and alert", () => {
  const input = join(dir, "pairs.csv");
  writeFileSync(
    input,
    'name1,name2,schema,note\n"Putin, Vladimir",Vladimir Putin,Person,"says ""hi"", twice"\nOlaf Scholz,Angela Merkel,,x\n',
  );
  const r = ftfx("match-pairs", "--in", input);
  assert.equal(r.code, 0, r.err);
  const rows = parse(r.out, { columns: true }) as Record<string, string>[];
  assert.deepEqual(Object.keys(rows[0] ?? {}), ["name1", "name2", "schema", "note", "score", "alert"]);
  assert.equal(rows[0]?.note, 'says "hi", twice');
  assert.equal(rows[0]?.alert, "true");
  assert.equal(rows[1]?.alert, "false");
  assert.ok(Number(rows[0]?.score) > Number(rows[1]?.score));
});

test("match --name prints a readable explanation table", () => {
  const r = ftfx("match", "--name", "Vladimir Putin", "--dob", "1952-10-07", "--list", LIST);
  assert.equal(r.code, 0, r.err);
  assert.match(r.out, /rank\s+score\s+alert/);
  assert.match(r.out, /feature\s+weight\s+detail/);
});
