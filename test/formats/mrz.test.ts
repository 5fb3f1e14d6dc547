import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { test } from "node:test";
import { type MrzResult, readMrz } from "../../src/formats/mrz.ts";
import { isFtfxError } from "../../src/platform/errors.ts";
import { dataPath } from "../support/data.ts";

const TODAY = new Date("2026-11-25T00:00:00Z");

interface ChemInfoCase {
  name: string;
  input: string[];
  expected_format?: string;
  expected_valid?: boolean;
  expected_fields?: Record<string, string | null>;
  expected_fields_partial?: Record<string, string>;
  expected_invalid_field_count?: number;
  expected_error?: string;
  options?: { autocorrect?: boolean };
  expected_fields_equal_parse_of?: string[];
}

interface UtopiaCase {
  type: string;
  lines: string[];
  expected?: Record<string, string> | string;
}

const cheminfo = (
  JSON.parse(readFileSync(dataPath("mrz/cheminfo_mrz_test_vectors.json"), "utf8")) as {
    cases: ChemInfoCase[];
  }
).cases;
const utopia = (
  JSON.parse(readFileSync(dataPath("mrz/icao_utopia_specimens_td1_td2_td3_mrva_mrvb.json"), "utf8")) as {
    cases: UtopiaCase[];
  }
).cases;

/** ICAO 9303 check digit (weights 7, 3, 1), written here independently of the package. */
function checkDigit(text: string): string {
  let sum = 0;
  for (const [i, c] of [...text].entries()) {
    const v = c === "<" ? 0 : /\d/.test(c) ? Number(c) : c.charCodeAt(0) - 55;
    sum += v * ([7, 3, 1][i % 3] ?? 0);
  }
  return String(sum % 10);
}

/** Which check digits hold, computed from the raw lines (a document number of 9 characters). */
function expectedChecks(lines: string[], format: MrzResult["format"]): Record<string, boolean> {
  const [a = "", b = ""] = lines;
  const holds = (data: string, digit: string | undefined) =>
    checkDigit(data) === (digit === "<" ? "0" : digit);
  if (format === "TD1") {
    return {
      documentNumber: holds(a.slice(5, 14), a[14]),
      birthDate: holds(b.slice(0, 6), b[6]),
      expiryDate: holds(b.slice(8, 14), b[14]),
      composite: holds(a.slice(5, 30) + b.slice(0, 7) + b.slice(8, 15) + b.slice(18, 29), b[29]),
    };
  }
  const checks: Record<string, boolean> = {
    documentNumber: holds(b.slice(0, 9), b[9]),
    birthDate: holds(b.slice(13, 19), b[19]),
    expiryDate: holds(b.slice(21, 27), b[27]),
  };
  if (format === "TD3") {
    checks.optionalData = holds(b.slice(28, 42), b[42]);
    checks.composite = holds(b.slice(0, 10) + b.slice(13, 20) + b.slice(21, 43), b[43]);
  }
  if (format === "TD2") checks.composite = holds(b.slice(0, 10) + b.slice(13, 20) + b.slice(21, 35), b[35]);
  return checks;
}

function rejects(run: () => unknown, ...fragments: string[]): void {
  assert.throws(run, (error: unknown) => {
    assert.ok(isFtfxError(error) && error.code === "bad_input", `not a bad_input error: ${String(error)}`);
    for (const fragment of fragments)
      assert.ok(error.message.includes(fragment), `${error.message} lacks "${fragment}"`);
    return true;
  });
}

const SEX: Record<string, string> = { male: "M", female: "F" };
const yymmdd = (iso: string | undefined) => iso?.replace(/^\d{2}(\d{2})-(\d{2})-(\d{2})$/, "$1$2$3");

for (const vector of cheminfo) {
  test(`cheminfo vector: ${vector.name}`, () => {
    if (vector.expected_error) {
      rejects(() => readMrz(vector.input, TODAY), "MRZ");
      return;
    }
    const result = readMrz(vector.input, TODAY);
    assert.equal(result.format, vector.expected_format ?? result.format);
    const failing = result.checks.filter((c) => !c.valid);
    if (vector.options?.autocorrect) {
      // No autocorrection here: OCR confusions are reported, never silently repaired.
      assert.ok(failing.length > 0 && result.warnings.length > 0);
      const clean = readMrz(vector.expected_fields_equal_parse_of ?? [], TODAY);
      assert.deepEqual(clean.warnings, []);
      return;
    }
    const holds = expectedChecks(vector.input, result.format);
    for (const check of result.checks) {
      if (check.field in holds && !(check.field === "documentNumber" && vector.input[0]?.[14] === "<")) {
        assert.equal(check.valid, holds[check.field], `${check.field} check`);
      }
    }
    const utoCodes = [result.issuingState, result.nationality].filter((c) => c === "UTO").length;
    const expectedFailing =
      vector.expected_invalid_field_count === undefined ? 0 : vector.expected_invalid_field_count - utoCodes;
    assert.equal(failing.length, expectedFailing);
    assert.deepEqual(
      result.warnings,
      failing.map((c) => `possibly misread or altered document: ${c.field} check digit fails`),
    );
    const fields = { ...vector.expected_fields, ...vector.expected_fields_partial };
    const actual: Record<string, string | undefined> = {
      documentNumber: result.documentNumber,
      lastName: result.surname,
      firstName: result.givenNames,
      birthDate: yymmdd(result.birthDate),
      expirationDate: yymmdd(result.expiryDate),
      sex: result.sex,
      nationality: result.nationality,
      issuingState: result.issuingState,
      documentCode: result.documentCode,
    };
    for (const [field, want] of Object.entries(fields)) {
      if (!(field in actual) || want === null) continue; // the package nulls unknown states such as UTO
      assert.equal(actual[field], SEX[want] ?? want, field);
    }
    if (vector.expected_fields?.optional1 !== undefined) {
      assert.deepEqual(
        result.optionalData,
        [vector.expected_fields.optional1, vector.expected_fields.optional2].filter((v) => v),
      );
    }
  });
}

test("ICAO Utopia specimens in all five layouts", () => {
  for (const specimen of utopia) {
    if (typeof specimen.expected === "string") {
      rejects(() => readMrz(specimen.lines, TODAY), "MRZ line 1", "35 characters");
      continue;
    }
    const result = readMrz(specimen.lines, TODAY);
    assert.equal(result.format, specimen.type.replace(/^MRV/, "MRV-"));
    assert.ok(
      result.checks.every((c) => c.valid),
      specimen.type,
    );
    const holds = expectedChecks(specimen.lines, result.format);
    assert.deepEqual(
      Object.fromEntries(result.checks.map((c) => [c.field, c.valid])),
      holds,
      `checks of ${specimen.type}`,
    );
    const expected = specimen.expected;
    if (!expected) continue;
    assert.equal(`${result.surname}, ${result.givenNames}`, expected.names);
    assert.equal(result.documentNumber, expected.documentNumber);
    assert.equal(result.nationality, expected.nationality);
    assert.equal(result.issuingState, expected.issuingState);
    assert.equal(result.documentCode, expected.documentCode);
    assert.equal(yymmdd(result.birthDate), expected.birthDate);
    assert.equal(yymmdd(result.expiryDate), expected.expiryDate);
    assert.equal(result.sex, expected.sex);
    if (expected.optionalData2 !== undefined)
      assert.deepEqual(result.optionalData, [expected.optionalData2].filter(Boolean));
  }
});

test("visas have no composite check digit; centuries follow today: born 1940, expired 1996", () => {
  const mrva = utopia.find((c) => c.type === "MRVA");
  assert.ok(mrva);
  const result = readMrz(mrva.lines, TODAY);
  assert.ok(!result.checks.some((c) => c.field === "composite"));
  assert.deepEqual([result.birthDate, result.expiryDate], ["1940-09-07", "1996-12-10"]);
});

test("an altered birth date is flagged, not rejected", () => {
  const td3 = utopia.find((c) => c.type === "TD3");
  assert.ok(td3);
  const [line1 = "", line2 = ""] = td3.lines;
  const altered = `${line2.slice(0, 13)}780812${line2.slice(19)}`;
  const result = readMrz([line1, altered], TODAY);
  assert.equal(result.birthDate, "1978-08-12");
  assert.deepEqual(result.warnings, [
    "possibly misread or altered document: birthDate check digit fails",
    "possibly misread or altered document: composite check digit fails",
  ]);
});

test("text that is no MRZ is bad input naming the line and the reason", () => {
  const td3 = utopia.find((c) => c.type === "TD3")?.lines ?? [];
  rejects(() => readMrz([td3[0] ?? ""], TODAY), "MRZ", "2 or 3 lines, got 1");
  rejects(
    () => readMrz([td3[0] ?? "", (td3[1] ?? "").toLowerCase()], TODAY),
    "MRZ line 2",
    '"l" at column 1',
  );
  rejects(() => readMrz([td3[0] ?? "", (td3[1] ?? "").slice(0, 36)], TODAY), "MRZ line 2", "36 characters");
  rejects(() => readMrz(["1".repeat(44), td3[1] ?? ""], TODAY), "MRZ line 1", "document code");
  rejects(() => readMrz(["Hello, world", "this is no passport"], TODAY), "MRZ line 1", '"e" at column 2');
  rejects(
    () => readMrz(["IDFRATEST<NAME<<<<<<<<<<<<<<<<0CHE02", "1710GVA123451ROBERTA<<<<<<<9112311F2"], TODAY),
    "MRZ line 1",
    "FRENCH_NATIONAL_ID",
  );
});
