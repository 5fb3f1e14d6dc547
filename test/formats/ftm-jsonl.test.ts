import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { describe, it } from "node:test";
import fc from "fast-check";
import { LIST_REF_KEY, parseFtmJsonl, toFtmJsonl } from "../../src/formats/ftm-jsonl.ts";
import type { FtmEntity } from "../../src/model/entity.ts";
import { isFtfxError } from "../../src/platform/errors.ts";
import { dataPath } from "../support/data.ts";

const SAMPLES = [
  "ftm/yente_t1_entities.ftm.jsonl",
  "ftm/yente_parteispenden_payments.ftm.jsonl",
  "ftm/yente_zala_entities.ftm.jsonl",
];

const expectBadInput = (text: string, where: string, reason: RegExp) =>
  assert.throws(
    () => parseFtmJsonl(text, "in.jsonl"),
    (error) =>
      isFtfxError(error) && error.code === "bad_input" && error.where === where && reason.test(error.message),
  );

describe("FtM JSON Lines: the samples", () => {
  for (const sample of SAMPLES) {
    it(`reads ${sample} entity by entity, keeping ids, schemata, properties and datasets`, () => {
      const file = dataPath(sample);
      const text = readFileSync(file, "utf8");
      const lines = text
        .split("\n")
        .filter((line) => line.trim())
        .map((line) => JSON.parse(line));
      const entities = parseFtmJsonl(text, file);
      assert.equal(entities.length, lines.length);
      entities.forEach((entity, i) => {
        assert.equal(entity.id, lines[i].id);
        assert.equal(entity.schema, lines[i].schema);
        assert.deepEqual(entity.properties, lines[i].properties);
        assert.deepEqual(entity.datasets, lines[i].datasets);
      });
    });

    it(`exports ${sample} and reads back the same entities`, () => {
      const entities = parseFtmJsonl(readFileSync(dataPath(sample), "utf8"), sample);
      assert.deepEqual(parseFtmJsonl(toFtmJsonl(entities), "export.jsonl"), entities);
    });
  }

  it("reads the newer FtM property `abbreviation` the zala sample uses", () => {
    const file = dataPath("ftm/yente_zala_entities.ftm.jsonl");
    const withAbbreviation = parseFtmJsonl(readFileSync(file, "utf8"), file).filter(
      (entity) => entity.properties.abbreviation,
    );
    assert.equal(withAbbreviation.length, 1);
    assert.ok(withAbbreviation[0]?.properties.abbreviation?.includes("ZALA"));
  });
});

describe("FtM JSON Lines: round trip", () => {
  const value = fc.string({ minLength: 1, maxLength: 12 }).filter((s) => s.trim() === s && s.length > 0);
  const entity: fc.Arbitrary<FtmEntity> = fc
    .record(
      {
        id: fc.stringMatching(/^[a-z0-9-]{1,20}$/),
        schema: fc.constantFrom("Person", "Organization", "Vessel"),
        properties: fc
          .record({
            name: fc.uniqueArray(value, { maxLength: 3 }),
            notes: fc.uniqueArray(value, { maxLength: 2 }),
          })
          .map((properties) => ({ ...properties })),
        datasets: fc.uniqueArray(fc.stringMatching(/^[a-z_]{1,8}$/), { maxLength: 2 }),
        listRef: fc.stringMatching(/^[A-Za-z0-9.]{1,10}$/),
      },
      { requiredKeys: ["id", "schema", "properties"] },
    )
    .map((generated) => ({ ...generated }));

  it("gives back what was exported, list reference included", () => {
    fc.assert(
      fc.property(fc.uniqueArray(entity, { selector: (e) => e.id, maxLength: 8 }), (entities) => {
        assert.deepEqual(parseFtmJsonl(toFtmJsonl(entities), "round.jsonl"), entities);
      }),
    );
  });

  it(`writes the list reference under "${LIST_REF_KEY}" and FtM's caption for other tools`, () => {
    const line = JSON.parse(
      toFtmJsonl([{ id: "p1", schema: "Person", properties: { name: ["Ann Example"] }, listRef: "QDi.001" }]),
    );
    assert.equal(line[LIST_REF_KEY], "QDi.001");
    assert.equal(line.caption, "Ann Example");
  });
});

describe("FtM JSON Lines: input details", () => {
  it("ignores blank lines and top-level keys it does not model, and merges fragments of one entity", () => {
    const text = [
      '{"id":"a","schema":"Person","properties":{"name":["A"]},"caption":"A","first_seen":"2024-01-01","target":true}',
      "",
      '{"id":"a","schema":"Person","properties":{"alias":["Alpha"],"name":["A"]},"datasets":["x"],"list_ref":"R1"}',
    ].join("\n");
    assert.deepEqual(parseFtmJsonl(text, "in.jsonl"), [
      {
        id: "a",
        schema: "Person",
        properties: { name: ["A"], alias: ["Alpha"] },
        datasets: ["x"],
        listRef: "R1",
      },
    ]);
  });
});

describe("FtM JSON Lines: bad input", () => {
  const good = '{"id":"a","schema":"Person","properties":{"name":["A"]}}';

  it("names the line of bad JSON", () => {
    expectBadInput(`${good}\n{"id": "b", "schema": }`, "in.jsonl:2", /bad JSON/);
    expectBadInput(`${good}\n["not", "an", "object"]`, "in.jsonl:2", /JSON object/);
  });

  it("names the line of an unknown schema or property", () => {
    expectBadInput(
      `${good}\n\n{"id":"b","schema":"Spaceship","properties":{}}`,
      "in.jsonl:3",
      /unknown FtM schema "Spaceship"/,
    );
    expectBadInput(
      `{"id":"b","schema":"Person","properties":{"warpSpeed":["9"]}}`,
      "in.jsonl:1",
      /unknown property "warpSpeed"/,
    );
    expectBadInput(`{"id":"b","schema":"Thing","properties":{}}`, "in.jsonl:1", /abstract/);
  });

  it("names the line of a missing id or schema, or malformed properties", () => {
    expectBadInput(`{"schema":"Person","properties":{}}`, "in.jsonl:1", /no "id"/);
    expectBadInput(`{"id":"b","properties":{}}`, "in.jsonl:1", /no "schema"/);
    expectBadInput(`{"id":"b","schema":"Person","properties":{"name":"A"}}`, "in.jsonl:1", /list of strings/);
    expectBadInput(`{"id":"b","schema":"Person","properties":[]}`, "in.jsonl:1", /must be an object/);
    expectBadInput(`{"id":"b","schema":"Person","datasets":"x"}`, "in.jsonl:1", /datasets/);
  });

  it("rejects fragments of one id that disagree on the schema", () => {
    expectBadInput(
      `${good}\n{"id":"a","schema":"Company","properties":{}}`,
      "in.jsonl:2",
      /Person at in\.jsonl:1/,
    );
  });
});
