import assert from "node:assert/strict";
import { describe, it } from "node:test";
import fc from "fast-check";
import { parseCsvMapping, parsePaymentsCsv } from "../../src/formats/payments-csv.ts";
import { isFtfxError } from "../../src/platform/errors.ts";

function badInputMessage(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    assert.ok(isFtfxError(error), `expected FtfxError, got ${error}`);
    assert.equal(error.code, "bad_input");
    return error.message;
  }
  assert.fail("expected bad input");
}

const MAPPING_YAML = `
delimiter: ";"
decimalComma: true
columns:
  messageRef: Ref
  amount: Betrag
  currency: Whg
  valueDate: Datum
  debtor.name: Von
  debtor.country: Land
  debtor.address: [Strasse, Ort]
  creditor.name: An
  creditor.bic: BIC
  creditor.kind: Art
  remittance: Zweck
`;

/** Synthetic rows only: clearly invented names. */
const EXPORT = [
  "Ref;Betrag;Whg;Datum;Von;Land;Strasse;Ort;An;BIC;Art;Zweck",
  'R1;1.234,50;eur;2024-03-01;SYNTHETIC Anna Example;de;Weg 1;Bern;SYNTHETIC Org One;SYNTDEFF;organization;"Miete; März"',
  "R2;9,99;CHF;;SYNTHETIC Ben Example;;;;SYNTHETIC Carla Example;;person;",
].join("\n");

describe("parsePaymentsCsv through a mapping", () => {
  const mapping = parseCsvMapping(MAPPING_YAML, "mapping.yaml");

  it("reads each row as a payment with the mapped fields", () => {
    const [first, second, ...rest] = parsePaymentsCsv(EXPORT, "export.csv", mapping);
    assert.equal(rest.length, 0);
    assert.deepEqual(
      { ...first, id: undefined },
      {
        id: undefined,
        messageType: "csv",
        messageRef: "R1",
        amount: 1234.5,
        currency: "EUR",
        valueDate: "2024-03-01",
        debtor: { name: "SYNTHETIC Anna Example", country: "DE", address: ["Weg 1", "Bern"] },
        creditor: { name: "SYNTHETIC Org One", kind: "organisation", bic: "SYNTDEFF" },
        remittance: "Miete; März",
      },
    );
    assert.equal(second?.amount, 9.99);
    assert.equal(second?.valueDate, undefined);
    assert.deepEqual(second?.creditor, { name: "SYNTHETIC Carla Example", kind: "person" });
    assert.notEqual(first?.id, second?.id);
  });

  const cases: [string, string, RegExp][] = [
    [
      "a bad amount",
      EXPORT.replace("9,99", "9x99"),
      /export\.csv:3 \(amount\): "9x99" is not a positive decimal/,
    ],
    ["a bad date", EXPORT.replace("2024-03-01", "01.03.2024"), /export\.csv:2 \(valueDate\): "01\.03\.2024"/],
    ["a bad BIC", EXPORT.replace("SYNTDEFF", "SYN"), /export\.csv:2 \(creditor\.bic\): "SYN" is not a BIC/],
    ["an empty debtor name", EXPORT.replace("SYNTHETIC Ben Example", ""), /export\.csv:3 \(debtor\.name\)/],
    ["a mapped column missing from the header", EXPORT.replace("Zweck", "Purpose"), /:1: column "Zweck"/],
    ["a short row", `${EXPORT}\nR3;1,00`, /export\.csv:4: not valid CSV/],
  ];
  for (const [what, text, pattern] of cases) {
    it(`rejects ${what}, naming line and field, and returns nothing`, () =>
      assert.match(
        badInputMessage(() => parsePaymentsCsv(text, "export.csv", mapping)),
        pattern,
      ));
  }
});

describe("parseCsvMapping", () => {
  it("accepts JSON too", () => {
    const mapping = parseCsvMapping(
      '{"columns": {"amount": "a", "currency": "c", "debtor.name": "d", "creditor.name": "e"}}',
      "m.json",
    );
    assert.equal(mapping.delimiter, ",");
  });

  it("names an unknown target field", () => {
    assert.match(
      badInputMessage(() => parseCsvMapping("columns: {amount: a, debtor.nam: b}", "m.yaml")),
      /m\.yaml: column mapping columns\.debtor\.nam: not a payment field/,
    );
  });

  it("requires amount, currency and both names", () => {
    assert.match(
      badInputMessage(() => parseCsvMapping("columns: {amount: a, currency: c, debtor.name: d}", "m.yaml")),
      /must map creditor\.name/,
    );
  });
});

describe("parsePaymentsCsv without a mapping", () => {
  it("reads any amount written with grouping commas back exactly (property)", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10 ** 9 }), fc.integer({ min: 0, max: 99 }), (units, cents) => {
        const written = `"${units.toLocaleString("en-US")}.${String(cents).padStart(2, "0")}"`;
        const text = `amount,currency,debtor.name,creditor.name\n${written},USD,SYNTHETIC X,SYNTHETIC Y\n`;
        const [payment] = parsePaymentsCsv(text, "p.csv");
        assert.equal(payment?.amount, Number(`${units}.${String(cents).padStart(2, "0")}`));
      }),
      { numRuns: 200 },
    );
  });
});
