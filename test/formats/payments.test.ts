import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import { describe, it } from "node:test";
import { bic11, type Payment } from "../../src/formats/payment-types.ts";
import { detectPaymentFormat, parsePaymentMessage } from "../../src/formats/payments.ts";
import { parseCsvMapping } from "../../src/formats/payments-csv.ts";
import { isFtfxError } from "../../src/platform/errors.ts";
import { dataPath } from "../support/data.ts";

const read = (name: string) => readFileSync(dataPath(`payments/${name}`), "utf8");

function banks(payment: Payment): Set<string> {
  return new Set(
    [payment.debtorAgentBic, payment.creditorAgentBic, ...(payment.intermediaryBics ?? [])]
      .filter((bic): bic is string => !!bic)
      .map(bic11),
  );
}

describe("CBPR+ pairs: the pacs.008 and the MT103 of one payment leg read alike", () => {
  for (const leg of ["AtoB", "BtoC", "CtoD"]) {
    it(leg, () => {
      const [iso] = parsePaymentMessage(read(`iso20022/cbpr_p.2.1.1_pacs008_${leg}.xml`), `${leg}.xml`);
      const [mt] = parsePaymentMessage(read(`swift-mt/cbpr_p.2.1.1_expected_mt103_${leg}.fin`), `${leg}.fin`);
      assert.ok(iso && mt);
      assert.equal(iso.messageType, "pacs.008");
      assert.equal(mt.messageType, "MT103");
      for (const field of ["amount", "currency", "valueDate", "uetr", "endToEndId", "messageRef"] as const) {
        assert.equal(mt[field], iso[field], field);
      }
      // Same names, addresses, countries and accounts, however differently the two formats write them.
      assert.deepEqual(mt.debtor, iso.debtor);
      assert.deepEqual(mt.creditor, iso.creditor);
      // The whole bank chain: MT103 headers + 52A/56A/57A/72 /INS/ against the pacs.008 agents.
      assert.deepEqual(banks(mt), banks(iso));
      assert.equal(mt.debtorAgentBic, iso.debtorAgentBic);
      assert.equal(mt.creditorAgentBic, iso.creditorAgentBic);
    });
  }
});

describe("parsePaymentMessage detects the format", () => {
  it("sends every shared sample to its parser (or its error)", () => {
    for (const dir of ["iso20022", "swift-mt"]) {
      for (const name of readdirSync(dataPath(`payments/${dir}`))) {
        const text = read(`${dir}/${name}`);
        assert.equal(detectPaymentFormat(text, name), dir === "iso20022" ? "iso20022" : "mt", name);
        try {
          assert.ok(parsePaymentMessage(text, name).length > 0, name);
        } catch (error) {
          assert.ok(
            isFtfxError(error) && error.code === "bad_input" && name.includes("pain.002"),
            `${name}: ${error}`,
          );
        }
      }
    }
  });

  it("reads CSV by field-name headers without a mapping, and through a mapping", () => {
    const plain = "amount,currency,debtor.name,creditor.name\n10.5,EUR,SYNTHETIC A,SYNTHETIC B\n";
    assert.equal(parsePaymentMessage(plain, "a.csv")[0]?.amount, 10.5);
    const mapping = parseCsvMapping(
      "columns: {amount: Sum, currency: Cur, debtor.name: From, creditor.name: To}",
      "m",
    );
    const mapped = "Sum,Cur,From,To\n7,USD,SYNTHETIC C,SYNTHETIC D\n";
    assert.equal(
      parsePaymentMessage(mapped, "b.csv", { csvMapping: mapping })[0]?.creditor.name,
      "SYNTHETIC D",
    );
  });

  it("refuses JSON and empty input", () => {
    assert.throws(() => detectPaymentFormat('{"amount": 1}', "x.json"), /not a payment message/);
    assert.throws(() => detectPaymentFormat("  \n", "x"), /empty payment file/);
  });
});
