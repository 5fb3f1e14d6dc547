import assert from "node:assert/strict";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, it } from "node:test";
import { parse } from "csv-parse/sync";
import { OFAC_DATASET, parseOfacSdn, readOfacPath, type SourceText } from "../../src/formats/ofac-sdn-csv.ts";
import type { FtmEntity } from "../../src/model/entity.ts";
import { isFtfxError } from "../../src/platform/errors.ts";
import { dataPath } from "../support/data.ts";

const source = (relative: string): SourceText => {
  const file = dataPath(`watchlists/ofac/${relative}`);
  return { text: readFileSync(file, "utf8"), file };
};
// Independent reading with csv-parse (the last line of the full files is a lone DOS EOF byte).
const csvRows = (text: string) =>
  (parse(text, { relax_column_count: true, skip_empty_lines: true }) as string[][]).filter(
    (row) => row.length > 1,
  );
const empty = (value: string | undefined) => !value || value.trim() === "-0-";

const subjectsOf = (entities: FtmEntity[]) =>
  new Map(entities.filter((e) => e.listRef).map((e) => [e.listRef, e]));
const linked = (entities: FtmEntity[], subject: FtmEntity, property: string) =>
  entities.filter((entity) => entity.properties[property]?.includes(subject.id));

const SDN_ROW = (entNum: number, remarks: string, type = '"individual"') =>
  `${entNum},"DOE, John",${type},"SDGT",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,"${remarks}"`;
const parseRows = (...rows: string[]) => parseOfacSdn({ sdn: { text: rows.join("\n"), file: "sdn.csv" } });
const expectBadInput = (run: () => unknown, where: string, reason: RegExp) =>
  assert.throws(
    run,
    (error) =>
      isFtfxError(error) && error.code === "bad_input" && error.where === where && reason.test(error.message),
  );

describe("OFAC SDN CSV: golden import of the 2021-07 snapshot", () => {
  const sdn = source("ofac_sdn_2021-07.csv");
  const alt = source("ofac_alt_2021-07.csv");
  const add = source("ofac_add_2021-07.csv");
  const comments = source("ofac_sdn_comments_2021-07.csv");
  const entities = parseOfacSdn({ sdn, alt, add, comments });
  const subjects = subjectsOf(entities);
  const sdnRows = csvRows(sdn.text);

  it("has one subject of the right schema and one Sanction per SDN row", () => {
    const expected = new Map<string, number>();
    const schemaOf: Record<string, string> = { individual: "Person", vessel: "Vessel", aircraft: "Airplane" };
    for (const row of sdnRows) {
      const schema = schemaOf[row[2]?.trim() ?? ""] ?? "Organization";
      expected.set(schema, (expected.get(schema) ?? 0) + 1);
    }
    const actual = new Map<string, number>();
    for (const entity of subjects.values()) actual.set(entity.schema, (actual.get(entity.schema) ?? 0) + 1);
    assert.deepEqual(actual, expected);
    assert.equal(sdnRows.length, 8976, "PROVENANCE.md counts 8,976 SDN rows");
    assert.equal(entities.filter((e) => e.schema === "Sanction").length, sdnRows.length);
    for (const entity of entities) assert.deepEqual(entity.datasets, [OFAC_DATASET]);
  });

  it("keeps every alias of alt.csv and every address of add.csv on its entry", () => {
    const expectedAliases = new Map<string, Set<string>>();
    for (const [entNum, , type, name] of csvRows(alt.text)) {
      if (type?.trim() === "fka" || !name) continue;
      expectedAliases.set(entNum ?? "", (expectedAliases.get(entNum ?? "") ?? new Set()).add(name.trim()));
    }
    for (const [entNum, names] of expectedAliases) {
      const aliases = subjects.get(entNum)?.properties.alias ?? [];
      for (const name of names) assert.ok(aliases.includes(name), `${entNum}: ${name}`);
    }
    let withAddress = 0;
    for (const [entNum, , street, city, country] of csvRows(add.text)) {
      if ([street, city, country].every(empty)) continue;
      withAddress++;
      assert.ok((subjects.get(entNum)?.properties.address?.length ?? 0) > 0, `address of ${entNum}`);
    }
    assert.ok(withAddress > 5000);
  });

  it("reads passports and dates of birth from the remarks of every row that states them", () => {
    for (const row of sdnRows) {
      const remarks = row[11] ?? "";
      const entity = subjects.get(row[0]);
      if (/(^|; )Passport [A-Z0-9]/.test(remarks)) {
        assert.ok((entity?.properties.passportNumber?.length ?? 0) > 0, `passport of ${row[0]}: ${remarks}`);
      }
      if (/(^|; )DOB \d{2} [A-Z][a-z]{2} \d{4}(;|\.?$)/.test(remarks) && entity?.schema === "Person") {
        assert.ok(
          entity.properties.birthDate?.some((d) => /^\d{4}-\d{2}-\d{2}$/.test(d)),
          `DOB of ${row[0]}`,
        );
      }
    }
    const holders = new Set([...subjects.values()].map((s) => s.id));
    for (const document of entities.filter((e) => e.schema === "Passport" || e.schema === "Identification")) {
      assert.ok(holders.has(document.properties.holder?.[0] ?? ""), document.id);
    }
  });

  it("joins remarks continued in sdn_comments.csv (ent_num 28264)", () => {
    const person = subjects.get("28264");
    assert.ok(person?.properties.idNumber?.includes("210302198701102136"));
    assert.ok(person?.properties.weakAlias?.includes("blackjack1987"));
  });
});

describe("OFAC SDN CSV: named records of the small sample", () => {
  const entities = parseOfacSdn({ sdn: source("sample_small/ofac_sdn_sample.csv") });
  const subjects = subjectsOf(entities);

  it("reads every row, each type to its schema", () => {
    assert.equal(subjects.size, csvRows(source("sample_small/ofac_sdn_sample.csv").text).length);
    assert.equal(subjects.get("20540")?.schema, "Airplane");
    assert.equal(subjects.get("40716")?.schema, "Vessel");
    assert.equal(subjects.get("11195")?.schema, "Organization");
  });

  it("10278: passport with issuing country, DOB, POB and SSN from the remarks", () => {
    const person = subjects.get("10278") as FtmEntity;
    assert.equal(person.schema, "Person");
    assert.deepEqual(person.properties.lastName, ["LOGAN MOREY"]);
    assert.deepEqual(person.properties.firstName, ["Elvis Angus"]);
    assert.deepEqual(person.properties.birthDate, ["1963-07-28"]);
    assert.deepEqual(person.properties.birthPlace, ["Toledo District, Belize"]);
    assert.deepEqual(person.properties.weakAlias, ["BURTON BURGESS"]);
    const [passport] = linked(entities, person, "holder").filter((d) => d.schema === "Passport");
    assert.deepEqual(passport?.properties.number, ["P0017003"]);
    assert.deepEqual(passport?.properties.country, ["bz"]);
    const [ssn] = linked(entities, person, "holder").filter((d) => d.schema === "Identification");
    assert.deepEqual(ssn?.properties.type, ["SSN"]);
    assert.deepEqual(ssn?.properties.country, ["us"]);
  });

  it("48603: two passports, gender, nationality and citizenship", () => {
    const person = subjects.get("48603") as FtmEntity;
    assert.deepEqual(person.properties.passportNumber, ["2018278055", "2006801524"]);
    assert.deepEqual(person.properties.gender, ["male"]);
    assert.deepEqual(person.properties.nationality, ["ru"]);
    assert.deepEqual(person.properties.citizenship, ["ru"]);
    assert.deepEqual(person.properties.taxNumber, ["366110340670"]);
    assert.ok(person.properties.notes?.some((note) => note.startsWith("Digital Currency Address - XBT")));
  });

  it("vessels get IMO, MMSI, call sign, type and flag", () => {
    const vessel = subjects.get("47371") as FtmEntity;
    assert.deepEqual(vessel.properties.imoNumber, ["IMO9339301"]);
    assert.deepEqual(vessel.properties.mmsi, ["636013272"]);
    assert.deepEqual(vessel.properties.callSign, ["A8LU7"]);
    assert.deepEqual(vessel.properties.type, ["Crude Oil Tanker"]);
    assert.deepEqual(vessel.properties.flag, ["ga"]);
    assert.deepEqual(vessel.properties.program, ["RUSSIA-EO14024"]);
  });

  it("splits several programs of one entry", () => {
    const sanction = entities.find(
      (e) => e.schema === "Sanction" && e.properties.authorityId?.[0] === "48727",
    );
    assert.deepEqual(sanction?.properties.program, ["SDGT", "NPWMD", "IRGC", "IFSR"]);
  });
});

describe("OFAC SDN CSV: remarks forms", () => {
  const person = (remarks: string) => {
    const entities = parseRows(SDN_ROW(1, remarks));
    return { entities, subject: entities[0] as FtmEntity };
  };

  it("reads every date-of-birth form", () => {
    assert.deepEqual(person("DOB 1975.").subject.properties.birthDate, ["1975"]);
    assert.deepEqual(person("DOB 02 Mar 1975.").subject.properties.birthDate, ["1975-03-02"]);
    assert.deepEqual(person("DOB Mar 1975.").subject.properties.birthDate, ["1975-03"]);
    assert.deepEqual(person("DOB circa 1975.").subject.properties.birthDate, ["1975"]);
    assert.deepEqual(person("DOB 1970 to 1973.").subject.properties.birthDate, [
      "1970",
      "1971",
      "1972",
      "1973",
    ]);
    assert.deepEqual(person("DOB 01 Jan 1970 to 31 Dec 1971.").subject.properties.birthDate, [
      "1970",
      "1971",
    ]);
    assert.deepEqual(person("DOB 1975; alt. DOB 1976.").subject.properties.birthDate, ["1975", "1976"]);
    assert.deepEqual(person("DOB sometime.").subject.properties.notes, ["DOB sometime"]);
  });

  it("reads passports with issue and expiry dates, and national ID numbers", () => {
    const { entities, subject } = person(
      "Passport A123456 (Egypt) issued 01 Feb 2010 expires 31 Jan 2020; National ID No. 29001011234567 (Egypt); Gender Female.",
    );
    const passport = linked(entities, subject, "holder").find((e) => e.schema === "Passport");
    assert.deepEqual(passport?.properties, {
      holder: [subject.id],
      number: ["A123456"],
      type: ["Passport"],
      country: ["eg"],
      startDate: ["2010-02-01"],
      endDate: ["2020-01-31"],
    });
    assert.deepEqual(subject.properties.idNumber, ["29001011234567"]);
    assert.deepEqual(subject.properties.gender, ["female"]);
  });

  it("keeps aliases with their strength and everything else as notes", () => {
    const { subject } = person(
      "a.k.a. 'ABU X; Y'; f.k.a. 'OLD NAME'; n.k.a. 'NEW NAME'; Linked To: SOMETHING LTD.",
    );
    assert.deepEqual(subject.properties.weakAlias, ["ABU X; Y"]);
    assert.deepEqual(subject.properties.previousName, ["OLD NAME"]);
    assert.deepEqual(subject.properties.alias, ["NEW NAME"]);
    assert.deepEqual(subject.properties.notes, ["Linked To: SOMETHING LTD"]);
  });

  it("keeps a passport on an entity that cannot hold one as a note", () => {
    const [vessel] = parseRows(SDN_ROW(2, "Passport 123 (Iran).", '"vessel"'));
    assert.deepEqual(vessel?.properties.notes, ["Passport 123 (Iran)"]);
  });
});

describe("OFAC SDN CSV: bad input", () => {
  it("names the line of a row with the wrong column count", () => {
    expectBadInput(
      () => parseRows(SDN_ROW(1, "-0-"), '2,"X",-0- ,"SDGT"'),
      "sdn.csv:2",
      /expected 12 columns, found 4/,
    );
  });

  it("names the line of broken quoting", () => {
    expectBadInput(
      () => parseRows(SDN_ROW(1, "-0-"), SDN_ROW(2, 'open "quote')),
      "sdn.csv:2",
      /malformed CSV/,
    );
  });

  it("rejects an unknown type, a missing name, a duplicate ent_num", () => {
    expectBadInput(
      () => parseRows(SDN_ROW(1, "-0-", '"submarine"')),
      "sdn.csv:1",
      /unknown SDN type "submarine"/,
    );
    expectBadInput(
      () => parseRows(SDN_ROW(1, "-0-", '"constructor"')),
      "sdn.csv:1",
      /unknown SDN type "constructor"/,
    );
    expectBadInput(
      () => parseRows('1,-0- ,"individual","SDGT",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- '),
      "sdn.csv:1",
      /name/,
    );
    expectBadInput(
      () => parseRows(SDN_ROW(1, "-0-"), SDN_ROW(1, "-0-")),
      "sdn.csv:2",
      /ent_num 1 appears twice/,
    );
  });

  it("rejects aliases and addresses for entries the SDN file does not have (the small sample's alt file)", () => {
    const sdn = source("sample_small/ofac_sdn_sample.csv");
    const alt = source("sample_small/ofac_alt_sample.csv");
    expectBadInput(() => parseOfacSdn({ sdn, alt }), `${alt.file}:1`, /ent_num 10416 is not in the SDN file/);
  });

  it("finds the sibling files by name in a folder (ofac_sdn_sample.csv → ofac_alt_sample.csv)", () => {
    const folder = dataPath("watchlists/ofac/sample_small");
    expectBadInput(() => readOfacPath(folder), join(folder, "ofac_alt_sample.csv:1"), /ent_num 10416/);
  });

  it("names a missing path, and a folder without exactly one SDN file", () => {
    expectBadInput(() => readOfacPath("/nonexistent/sdn.csv"), "/nonexistent/sdn.csv", /not found/);
    const folder = mkdtempSync(join(tmpdir(), "ftfx-ofac-"));
    expectBadInput(() => readOfacPath(folder), folder, /exactly one SDN CSV file/);
    writeFileSync(join(folder, "SDN.CSV"), `${SDN_ROW(7, "DOB 1980.")}\n`);
    writeFileSync(join(folder, "ALT.CSV"), '7,1,"aka","DOE, Jack",-0- \n');
    writeFileSync(join(folder, "SDN_COMMENTS.CSV"), '7,"; Gender Male."\n');
    const [subject] = readOfacPath(folder);
    assert.deepEqual(subject?.properties.alias, ["DOE, Jack"]);
    assert.deepEqual(subject?.properties.gender, ["male"]);
  });
});
