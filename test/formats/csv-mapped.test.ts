import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { describe, it } from "node:test";
import { parse } from "csv-parse/sync";
import { parseCsvMapping, parseMappedCsv } from "../../src/formats/csv-mapped.ts";
import { isFtfxError } from "../../src/platform/errors.ts";

const EXAMPLES = new URL("../../docs/examples/", import.meta.url);
const mappingText = readFileSync(new URL("national-list.mapping.yaml", EXAMPLES), "utf8");
const csvText = readFileSync(new URL("national-list.csv", EXAMPLES), "utf8");
const mapping = parseCsvMapping(mappingText, "map.yaml");

const expectBadInput = (run: () => unknown, where: string, reason: RegExp) =>
  assert.throws(
    run,
    (error) =>
      isFtfxError(error) && error.code === "bad_input" && error.where === where && reason.test(error.message),
  );
const mapped = (csv: string, yaml = mappingText) =>
  parseMappedCsv(csv, "list.csv", parseCsvMapping(yaml, "map.yaml"));

describe("mapped CSV: the documented example", () => {
  const entities = parseMappedCsv(csvText, "list.csv", mapping);
  const rows = parse(csvText, { columns: true }) as Record<string, string>[];

  it("makes one entity of the mapping's schema and dataset per row, with the list reference", () => {
    assert.equal(entities.length, rows.length);
    entities.forEach((entity, i) => {
      assert.equal(entity.schema, "Person");
      assert.deepEqual(entity.datasets, ["xx-national-ftf-synthetic"]);
      assert.equal(entity.listRef, rows[i]?.record_no);
      assert.deepEqual(entity.properties.name, [rows[i]?.full_name]);
    });
  });

  it("splits multi-valued cells, maps countries to codes, dates to ISO and genders to FtM words", () => {
    const [adam, bella, carl] = entities;
    assert.deepEqual(adam?.properties.alias, ["Abu Example", "A. Exemplar"]);
    assert.deepEqual(adam?.properties.nationality, ["sy"]);
    assert.deepEqual(adam?.properties.gender, ["male"]);
    assert.deepEqual(bella?.properties.nationality, ["fr", "dz"]);
    assert.deepEqual(bella?.properties.birthDate, ["1990"]);
    assert.equal(bella?.properties.alias, undefined);
    assert.deepEqual(carl?.properties.birthDate, ["1975-03-02"]);
    assert.deepEqual(carl?.properties.passportNumber, ["A7654321", "B1111111"]);
  });

  it("derives stable ids from the id column, or from key columns", () => {
    const reordered = [csvText.split("\n")[0], ...csvText.trim().split("\n").slice(1).reverse()].join("\n");
    const ids = (list: { id: string; listRef?: string }[]) => new Map(list.map((e) => [e.listRef, e.id]));
    assert.deepEqual(ids(parseMappedCsv(reordered, "x.csv", mapping)), ids(entities));
    const byKeys = mapped(
      csvText,
      mappingText.replace("  column: record_no", "  keys: [surname, birth_date]"),
    );
    assert.equal(new Set(byKeys.map((e) => e.id)).size, rows.length);
    assert.notDeepEqual(
      byKeys.map((e) => e.id),
      entities.map((e) => e.id),
    );
  });
});

describe("mapped CSV: bad input", () => {
  it("names a mapped column missing from the header, at line 1", () => {
    const csv = csvText.replace("nationality,", "citizenship,");
    expectBadInput(
      () => mapped(csv),
      "list.csv:1",
      /column "nationality" named in the mapping is not in the header/,
    );
  });

  it("names the line of a row with the wrong column count, an empty id, a duplicate id", () => {
    const header = csvText.split("\n")[0];
    const row = "XX-9,A,B,C,,1970,,Iraq,m,,";
    expectBadInput(
      () => mapped(`${header}\n${row}\n${row},extra`),
      "list.csv:3",
      /expected 11 columns.*found 12/,
    );
    expectBadInput(
      () => mapped(`${header}\n${row.replace("XX-9", "")}`),
      "list.csv:2",
      /id column "record_no" is empty/,
    );
    expectBadInput(() => mapped(`${header}\n${row}\n${row}`), "list.csv:3", /same id .* as line 2/);
  });

  it("names the line and column of a value that does not fit its FtM type", () => {
    const header = csvText.split("\n")[0];
    const row = (nationality: string, birth: string, gender = "m") =>
      `XX-9,A,B,C,,${birth},,${nationality},${gender},,`;
    expectBadInput(
      () => mapped(`${header}\n${row("Atlantis", "1970")}`),
      'list.csv:2: column "nationality"',
      /unknown country "Atlantis"/,
    );
    expectBadInput(
      () => mapped(`${header}\n${row("Iraq", "31/12/1970")}`),
      'list.csv:2: column "birth_date"',
      /not a date/,
    );
    expectBadInput(
      () => mapped(`${header}\n${row("Iraq", "1970", "x")}`),
      'list.csv:2: column "gender"',
      /unknown gender/,
    );
  });

  it("rejects an empty file and broken quoting", () => {
    expectBadInput(() => mapped(""), "list.csv:1", /header/);
    expectBadInput(() => mapped(`${csvText.split("\n")[0]}\n"XX-9,A`), "list.csv:2", /malformed CSV/);
  });

  it("names the place of a mistake in the mapping itself", () => {
    expectBadInput(
      () => parseCsvMapping("dataset: x\nschema: [Person\n", "map.yaml"),
      "map.yaml:3",
      /bad YAML/,
    );
    expectBadInput(
      () => parseCsvMapping("schema: Person\n", "map.yaml"),
      "map.yaml: dataset",
      /bad column mapping/,
    );
    const base = "dataset: x\nid: {column: a}\ncolumns: {a: name}\n";
    expectBadInput(
      () => parseCsvMapping(`${base}schema: Spaceship\n`, "map.yaml"),
      "map.yaml: schema",
      /Spaceship/,
    );
    expectBadInput(
      () => parseCsvMapping(`${base}schema: Thing\n`, "map.yaml"),
      "map.yaml: schema",
      /abstract/,
    );
    expectBadInput(
      () =>
        parseCsvMapping("dataset: x\nschema: Person\nid: {column: a}\ncolumns: {a: warpSpeed}\n", "map.yaml"),
      "map.yaml: columns.a",
      /unknown property "warpSpeed"/,
    );
    expectBadInput(
      () => parseCsvMapping(`${base}schema: Person\ncolour: blue\n`, "map.yaml"),
      "map.yaml: (top level)",
      /colour/,
    );
  });
});
