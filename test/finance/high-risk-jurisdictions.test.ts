import assert from "node:assert/strict";
import { describe, it } from "node:test";
import fc from "fast-check";
import { highRiskJurisdictionRule } from "../../src/finance/high-risk-jurisdictions.ts";
import { DEFAULT_RULE_CONTEXT } from "../../src/finance/rule-config.ts";
import type { RuleContext } from "../../src/finance/rule-types.ts";
import type { Payment } from "../../src/formats/payment-types.ts";
import { party, payment } from "./synthetic-payments.ts";

const context = (highRiskCountries: string[], extra: Partial<RuleContext> = {}): RuleContext => ({
  ...DEFAULT_RULE_CONTEXT,
  highRiskCountries,
  ...extra,
});
const run = (payments: Payment[], ctx: RuleContext) => highRiskJurisdictionRule.evaluate(payments, ctx);

describe("high-risk jurisdiction rule", () => {
  it("flags a creditor in a listed country, once per payment, with a sentence naming the evidence", () => {
    const flagged = payment({ creditor: party("Receiver", { country: "IR" }) });
    const clean = payment({ creditor: party("Receiver", { country: "FR" }) });
    const hits = run([flagged, clean], context(["IR", "KP"]));
    assert.equal(hits.length, 1);
    assert.deepEqual(hits[0]?.paymentIds, [flagged.id]);
    assert.equal(hits[0]?.severity, "medium");
    assert.match(hits[0]?.detail ?? "", /creditor SYNTHETIC Receiver is in IR/);
  });

  it("reads the BIC country from letters 5–6 of a party's or any bank's BIC", () => {
    const hits = run(
      [
        payment({ debtor: party("Payer", { bic: "SYNTKPPY" }) }),
        payment({ intermediaryBics: ["SYNTDEFFXXX", "SYNTKPPYXXX"] }),
        payment({ creditorAgentBic: "KPSYDEFF" }), // KP in letters 1–2 only: a German bank
      ],
      context(["KP"]),
    );
    assert.equal(hits.length, 2);
    assert.match(hits[0]?.detail ?? "", /has BIC SYNTKPPY, a KP BIC/);
    assert.match(hits[1]?.detail ?? "", /intermediary bank SYNTKPPYXXX is in KP/);
  });

  it("reads the country of a bank the message names by address instead of BIC", () => {
    const hits = run(
      [payment({ bankCountries: ["RU"] }), payment({ bankCountries: ["FR"] })],
      context(["RU"]),
    );
    assert.equal(hits.length, 1);
    assert.match(hits[0]?.detail ?? "", /a bank without BIC in the chain is in RU/);
  });

  it("finds a listed country named in a free-text address, by FtM name or configured alias", () => {
    const byName = payment({ creditor: party("Receiver", { address: ["1 SYNTHETIC ROAD", "TEHRAN IRAN"] }) });
    const byAlias = payment({ debtor: party("Payer", { address: ["PYONGYANG, DPRK"] }) });
    const partOfWord = payment({ creditor: party("Receiver", { address: ["IRANIAN STREET 5, LONDON"] }) });
    const hits = run(
      [byName, byAlias, partOfWord],
      context(["IR", "KP"], { countryAliases: { KP: ["DPRK"] } }),
    );
    assert.deepEqual(
      hits.map((hit) => hit.paymentIds[0]),
      [byName.id, byAlias.id],
    );
    assert.match(hits[0]?.detail ?? "", /address "TEHRAN IRAN" names IR/);
  });

  it("reads the country of a valid IBAN only", () => {
    const valid = payment({ creditor: party("Receiver", { account: "GB82 WEST 1234 5698 7654 32" }) });
    const badCheck = payment({ creditor: party("Receiver", { account: "GB82WEST12345698765433" }) });
    const hits = run([valid, badCheck], context(["GB"]));
    assert.deepEqual(
      hits.map((hit) => hit.paymentIds[0]),
      [valid.id],
    );
  });

  it("is silent with an empty list", () => {
    assert.deepEqual(run([payment({ creditor: party("Receiver", { country: "IR" }) })], context([])), []);
  });

  it("hits exactly when the creditor's country is on the list (property)", () => {
    const code = fc.constantFrom("IR", "KP", "MM", "SY", "FR", "DE", "GB");
    fc.assert(
      fc.property(fc.uniqueArray(code, { maxLength: 4 }), code, (list, country) => {
        const hits = run([payment({ creditor: party("Receiver", { country }) })], context(list));
        assert.equal(hits.length, list.includes(country) ? 1 : 0);
      }),
      { numRuns: 100 },
    );
  });
});
