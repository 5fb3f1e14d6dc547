import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { describe, it } from "node:test";
import { parseUnConsolidatedXml, UN_DATASET } from "../../src/formats/un-consolidated-xml.ts";
import type { FtmEntity } from "../../src/model/entity.ts";
import { ftmModel } from "../../src/model/schema.ts";
import { isFtfxError } from "../../src/platform/errors.ts";
import { dataPath } from "../support/data.ts";

const FTM_COUNTRIES = ftmModel.getType("country").values;
const FILE = dataPath("watchlists/un/un_sc_consolidated_list_2026-02-27.xml");
const xml = readFileSync(FILE, "utf8");
const entities = parseUnConsolidatedXml(xml, FILE);

// Independent reading of the same file with plain regular expressions, for golden counts.
const decodeXml = (text: string) =>
  text
    .replace(/&apos;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&amp;/g, "&")
    .trim();
const blocks = (text: string, tag: string) =>
  [...text.matchAll(new RegExp(`<${tag}>([\\s\\S]*?)</${tag}>`, "g"))].map((match) => match[1] ?? "");
const values = (text: string, tag: string) =>
  [...text.matchAll(new RegExp(`<${tag}>([^<]*)</${tag}>`, "g"))]
    .map((match) => decodeXml(match[1] ?? ""))
    .filter(Boolean);
const listings = [...blocks(xml, "INDIVIDUAL"), ...blocks(xml, "ENTITY")];
const refOf = (block: string) => values(block, "REFERENCE_NUMBER")[0] ?? "";

const subjectsByRef = new Map(entities.filter((e) => e.listRef).map((e) => [e.listRef as string, e]));
const bySchema = (schema: string) => entities.filter((entity) => entity.schema === schema);
const linkedTo = (subject: FtmEntity, property: string) =>
  entities.filter((entity) => entity.properties[property]?.includes(subject.id));
const subject = (ref: string): FtmEntity => {
  const found = subjectsByRef.get(ref);
  assert.ok(found, `no entity with listRef ${ref}`);
  return found;
};
const expectBadInput = (text: string, where: RegExp, reason: RegExp) =>
  assert.throws(
    () => parseUnConsolidatedXml(text, "list.xml"),
    (error) =>
      isFtfxError(error) &&
      error.code === "bad_input" &&
      where.test(error.where ?? "") &&
      reason.test(error.message),
  );

describe("UN consolidated list XML: golden import", () => {
  it("has one Person per INDIVIDUAL and one Organization per ENTITY, each with its reference number", () => {
    assert.equal(bySchema("Person").length, blocks(xml, "INDIVIDUAL").length);
    assert.equal(bySchema("Organization").length, blocks(xml, "ENTITY").length);
    assert.equal(bySchema("Person").length, 730, "PROVENANCE.md counts 730 individuals");
    const refs = listings.map(refOf).sort();
    assert.deepEqual([...subjectsByRef.keys()].sort(), refs);
  });

  it("has one Sanction per listing, with program, listing date and reason", () => {
    const sanctions = bySchema("Sanction");
    assert.equal(sanctions.length, listings.length);
    for (const block of listings) {
      const [sanction, ...more] = linkedTo(subject(refOf(block)), "entity");
      assert.equal(more.length, 0);
      assert.deepEqual(sanction?.properties.program, values(block, "UN_LIST_TYPE"));
      assert.equal(sanction?.properties.listingDate?.[0], values(block, "LISTED_ON")[0]?.slice(0, 10));
      assert.equal(sanction?.properties.unscId?.[0], refOf(block));
      assert.equal(sanction?.properties.reason !== undefined, values(block, "COMMENTS1").length > 0);
    }
  });

  it("keeps every alias with its quality, and every original-script name as an alias", () => {
    let expected = { alias: 0, weakAlias: 0, previousName: 0, originalScript: 0 };
    let actual = { alias: 0, weakAlias: 0, previousName: 0, originalScript: 0 };
    for (const block of listings) {
      const sets = {
        alias: new Set<string>(),
        weakAlias: new Set<string>(),
        previousName: new Set<string>(),
      };
      for (const match of block.matchAll(
        /<QUALITY>([^<]*)<\/QUALITY>\s*<ALIAS_NAME>([^<]*)<\/ALIAS_NAME>/g,
      )) {
        const [quality, name] = [decodeXml(match[1] ?? ""), decodeXml(match[2] ?? "")];
        if (!name) continue;
        const kind = quality === "Low" ? "weakAlias" : quality === "f.k.a." ? "previousName" : "alias";
        sets[kind].add(name);
      }
      const original = values(block, "NAME_ORIGINAL_SCRIPT");
      for (const name of original) sets.alias.add(name);
      const entity = subject(refOf(block));
      for (const name of original)
        assert.ok(entity.properties.alias?.includes(name), `${refOf(block)}: ${name}`);
      expected = {
        alias: expected.alias + sets.alias.size,
        weakAlias: expected.weakAlias + sets.weakAlias.size,
        previousName: expected.previousName + sets.previousName.size,
        originalScript: expected.originalScript + original.length,
      };
      actual = {
        alias: actual.alias + (entity.properties.alias?.length ?? 0),
        weakAlias: actual.weakAlias + (entity.properties.weakAlias?.length ?? 0),
        previousName: actual.previousName + (entity.properties.previousName?.length ?? 0),
        originalScript:
          actual.originalScript + original.filter((n) => entity.properties.alias?.includes(n)).length,
      };
    }
    assert.deepEqual(actual, expected);
    assert.ok(expected.originalScript >= 336, "PROVENANCE.md counts 336 individual original-script names");
  });

  it("makes one Passport or Identification per numbered document, held by the person", () => {
    const expected = new Set<string>();
    let passports = 0;
    for (const block of blocks(xml, "INDIVIDUAL")) {
      for (const document of blocks(block, "INDIVIDUAL_DOCUMENT")) {
        const number = values(document, "NUMBER")[0];
        if (!number) continue;
        const types = [...values(document, "TYPE_OF_DOCUMENT"), ...values(document, "TYPE_OF_DOCUMENT2")];
        const key = `${refOf(block)}|${types[0]}|${number}`;
        if (!expected.has(key) && types.some((type) => /passport|passeport|pasaporte/i.test(type)))
          passports++;
        expected.add(key);
      }
    }
    const documents = [...bySchema("Passport"), ...bySchema("Identification")];
    assert.equal(documents.length, expected.size);
    assert.equal(bySchema("Passport").length, passports);
    const ids = new Set(bySchema("Person").map((person) => person.id));
    for (const document of documents) assert.ok(ids.has(document.properties.holder?.[0] ?? ""), document.id);
  });

  it("maps every nationality the list names to an FtM country code", () => {
    for (const block of blocks(xml, "INDIVIDUAL")) {
      const stated = blocks(block, "NATIONALITY")
        .flatMap((list) => values(list, "VALUE"))
        .filter((v) => v !== "na");
      const entity = subject(refOf(block));
      assert.equal((entity.properties.nationality?.length ?? 0) > 0, stated.length > 0, refOf(block));
      for (const code of entity.properties.nationality ?? []) assert.ok(FTM_COUNTRIES.has(code), code);
    }
    const unmapped = entities
      .flatMap((e) => e.properties.notes ?? [])
      .filter((n) => /^(nationality|country):/.test(n));
    assert.deepEqual(unmapped, []);
  });

  it("keeps every stated date of birth: full dates, years and every year of a BETWEEN range", () => {
    for (const block of blocks(xml, "INDIVIDUAL")) {
      const births = subject(refOf(block)).properties.birthDate ?? [];
      for (const dob of blocks(block, "INDIVIDUAL_DATE_OF_BIRTH")) {
        for (const stated of [...values(dob, "DATE"), ...values(dob, "YEAR")]) {
          assert.ok(births.includes(stated.slice(0, 10)), `${refOf(block)}: ${stated} in ${births}`);
        }
        const [from, to] = [values(dob, "FROM_YEAR")[0], values(dob, "TO_YEAR")[0]];
        for (let year = Number(from); from && to && year <= Number(to); year++) {
          assert.ok(births.includes(String(year)), `${refOf(block)}: ${year}`);
        }
      }
    }
  });

  it("gives every entity the dataset and a valid FtM shape", () => {
    for (const entity of entities) assert.deepEqual(entity.datasets, [UN_DATASET]);
    assert.equal(new Set(entities.map((e) => e.id)).size, entities.length, "ids are unique");
  });
});

describe("UN consolidated list XML: named records", () => {
  it("QDi.314 (BETWEEN 1977 and 1982) has every year as a birth date, names, place of birth", () => {
    const person = subject("QDi.314");
    assert.deepEqual(person.properties.birthDate, ["1977", "1978", "1979", "1980", "1981", "1982"]);
    assert.deepEqual(person.properties.name, ["ABDERRAHMANE OULD EL AMAR"]);
    assert.deepEqual(person.properties.firstName, ["ABDERRAHMANE"]);
    assert.deepEqual(person.properties.lastName, ["OULD EL AMAR"]);
    assert.deepEqual(person.properties.nationality, ["ml"]);
    assert.deepEqual(person.properties.birthPlace, ["Tabankort, Mali"]);
    assert.ok(person.properties.alias?.includes("عبد الرحمن ولد العامر"));
    assert.equal(person.properties.address?.length, 4);
  });

  it("QDi.420 has four name parts: first, second, middle and last", () => {
    const person = subject("QDi.420");
    assert.deepEqual(person.properties.name, ["TAHA IBRAHIM ABDALLAH BAKR AL KHUWAYT"]);
    assert.deepEqual(person.properties.firstName, ["TAHA"]);
    assert.deepEqual(person.properties.secondName, ["IBRAHIM"]);
    assert.deepEqual(person.properties.middleName, ["IBRAHIM", "ABDALLAH BAKR"]);
    assert.deepEqual(person.properties.lastName, ["AL KHUWAYT"]);
    assert.deepEqual(person.properties.weakAlias, ["Taha al-Khuwayt", "Mullah Taha", "Mullah Khuwayt"]);
  });

  it("QDi.064's passport and national ID numbers keep their issuing country, dates and leading zeros", () => {
    const person = subject("QDi.064");
    const documents = linkedTo(person, "holder");
    const passport = documents.find((d) => d.schema === "Passport");
    assert.deepEqual(passport?.properties.number, ["K929139"]);
    assert.deepEqual(passport?.properties.country, ["tn"]);
    assert.deepEqual(passport?.properties.startDate, ["1995-02-14"]);
    assert.deepEqual(passport?.properties.endDate, ["2000-02-13"]);
    const ids = documents.filter((d) => d.schema === "Identification").flatMap((d) => d.properties.number);
    assert.deepEqual(ids.sort(), ["00319547", "SSDSBN68B10Z352F"]);
    assert.ok(person.properties.passportNumber?.includes("K929139"));
    assert.ok(person.properties.idNumber?.includes("00319547"));
  });

  it("derives ids from DATAID only, so they do not move when the list is reordered or edited", () => {
    const single = blocks(xml, "INDIVIDUAL").find((block) => refOf(block) === "QDi.064") ?? "";
    const edited = single.replace(/<COMMENTS1>[\s\S]*?<\/COMMENTS1>/, "<COMMENTS1>changed</COMMENTS1>");
    const alone = parseUnConsolidatedXml(
      `<CONSOLIDATED_LIST><INDIVIDUALS><INDIVIDUAL>${edited}</INDIVIDUAL></INDIVIDUALS><ENTITIES/></CONSOLIDATED_LIST>`,
      "one.xml",
    );
    const person = subject("QDi.064");
    const related = [...linkedTo(person, "holder"), ...linkedTo(person, "entity")];
    assert.deepEqual(alone.map((e) => e.id).sort(), [person.id, ...related.map((e) => e.id)].sort());
  });
});

describe("UN consolidated list XML: bad input", () => {
  it("names the line of a truncated file", () => {
    const cut = xml.slice(0, Math.floor(xml.length / 2));
    const line = cut.split("\n").length;
    expectBadInput(cut, /^list\.xml:\d+$/, /malformed XML/);
    assert.throws(
      () => parseUnConsolidatedXml(cut, "list.xml"),
      (error) => isFtfxError(error) && Number(error.where?.split(":")[1]) <= line,
    );
  });

  it("names the line of a mismatched closing tag", () => {
    const text =
      "<CONSOLIDATED_LIST>\n<INDIVIDUALS>\n<INDIVIDUAL><DATAID>1</DATA>\n</INDIVIDUALS></CONSOLIDATED_LIST>";
    expectBadInput(text, /^list\.xml:3$/, /malformed XML.*DATAID/);
  });

  it("rejects a document that is not the consolidated list", () => {
    expectBadInput(
      "<?xml version='1.0'?>\n<sdnList><sdnEntry/></sdnList>",
      /^list\.xml:1$/,
      /<CONSOLIDATED_LIST>.*<sdnList>/,
    );
    expectBadInput("   \n", /^list\.xml:1$/, /empty/);
  });

  it("rejects listings without DATAID, reference or name, and dates that are not dates, naming the line", () => {
    const listing = (body: string) =>
      `<CONSOLIDATED_LIST>\n<INDIVIDUALS>\n<INDIVIDUAL>${body}</INDIVIDUAL>\n</INDIVIDUALS>\n</CONSOLIDATED_LIST>`;
    const ok = "<DATAID>1</DATAID><FIRST_NAME>A</FIRST_NAME><REFERENCE_NUMBER>QDi.999</REFERENCE_NUMBER>";
    expectBadInput(listing("<FIRST_NAME>A</FIRST_NAME>"), /^list\.xml:3$/, /without <DATAID>/);
    expectBadInput(
      listing("<DATAID>1</DATAID><FIRST_NAME>A</FIRST_NAME>"),
      /^list\.xml:3$/,
      /REFERENCE_NUMBER/,
    );
    expectBadInput(
      listing("<DATAID>1</DATAID><REFERENCE_NUMBER>Q</REFERENCE_NUMBER>"),
      /^list\.xml:3$/,
      /name/,
    );
    expectBadInput(listing(`${ok}<LISTED_ON>31/12/2020</LISTED_ON>`), /^list\.xml:3$/, /LISTED_ON/);
    const dob =
      "<INDIVIDUAL_DATE_OF_BIRTH><TYPE_OF_DATE>EXACT</TYPE_OF_DATE><DATE>1970-13-01</DATE></INDIVIDUAL_DATE_OF_BIRTH>";
    expectBadInput(listing(ok + dob), /^list\.xml:3$/, /date of birth/);
    const twice = `<CONSOLIDATED_LIST><INDIVIDUALS>\n<INDIVIDUAL>${ok}</INDIVIDUAL>\n<INDIVIDUAL>${ok}</INDIVIDUAL>\n</INDIVIDUALS></CONSOLIDATED_LIST>`;
    expectBadInput(twice, /^list\.xml:3$/, /DATAID 1 appears twice \(first at list\.xml:2\)/);
  });
});
