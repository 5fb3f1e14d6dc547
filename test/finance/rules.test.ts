import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { DEFAULT_RULE_CONTEXT, parseRuleConfig } from "../../src/finance/rule-config.ts";
import { evaluatePaymentRules, hitsByPayment, PAYMENT_RULES } from "../../src/finance/rules.ts";
import { day, party, payment } from "./synthetic-payments.ts";

describe("payment rules together", () => {
  it("declare unique ids, a description, a severity and a version", () => {
    assert.equal(new Set(PAYMENT_RULES.map((rule) => rule.id)).size, PAYMENT_RULES.length);
    for (const rule of PAYMENT_RULES) {
      assert.ok(rule.description.length > 20, rule.id);
      assert.ok(["low", "medium", "high"].includes(rule.severity), rule.id);
      assert.ok(Number.isInteger(rule.version) && rule.version >= 1, rule.id);
    }
  });

  it("evaluate the batch and group hits by payment", () => {
    const context = { ...parseRuleConfig("highRiskCountries: [SY]", "r.yaml") };
    const structured = [0, 1, 2].map((d) =>
      payment({ amount: 9900, valueDate: day(d), creditor: party("Receiver", { country: "SY" }) }),
    );
    const hits = evaluatePaymentRules([...structured, payment()], context);
    assert.deepEqual(
      hits.map((hit) => hit.ruleId),
      [...structured.map(() => "finance.high-risk-jurisdiction"), "finance.structuring"],
    );
    const grouped = hitsByPayment(hits);
    assert.equal(grouped.size, 3);
    assert.deepEqual(
      grouped.get(structured[0]?.id ?? "")?.map((hit) => hit.ruleId),
      ["finance.high-risk-jurisdiction", "finance.structuring"],
    );
  });
});

describe("parseRuleConfig", () => {
  it("fills what the file leaves out from the defaults", () => {
    const context = parseRuleConfig("highRiskCountries: [ir]\nstructuring: {margin: 0.2}\n", "r.yaml");
    assert.deepEqual(context.highRiskCountries, ["IR"]);
    assert.equal(context.structuring.margin, 0.2);
    assert.deepEqual(context.structuring.thresholds, DEFAULT_RULE_CONTEXT.structuring.thresholds);
    assert.deepEqual(context.fanIn, DEFAULT_RULE_CONTEXT.fanIn);
  });

  for (const [text, pattern] of [
    ["highRiskCountries: [Iran]", /r\.yaml: rule setting highRiskCountries\.0: must be an ISO 3166/],
    ["fanIn: {minSenders: 1}", /rule setting fanIn\.minSenders/],
    ["structuring: {tresholds: {EUR: 1}}", /rule setting structuring/],
    ["highRisk: [IR]", /Unrecognized key/],
    ["[: nope", /not YAML or JSON/],
  ] as const) {
    it(`rejects ${JSON.stringify(text)}`, () =>
      assert.throws(() => parseRuleConfig(text, "r.yaml"), pattern));
  }
});
