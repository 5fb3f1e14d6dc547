import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { relatedPartyRule } from "../../src/finance/related-parties.ts";
import { DEFAULT_RULE_CONTEXT } from "../../src/finance/rule-config.ts";
import type { RelatedSubject, RuleContext } from "../../src/finance/rule-types.ts";
import type { Party } from "../../src/formats/payment-types.ts";
import { party, payment } from "./synthetic-payments.ts";

const SIBLING: RelatedSubject = {
  subjectId: "subject-synthetic-1",
  subjectName: "SYNTHETIC Registered Subject",
  relation: "brother",
  relatedEntityId: "person-synthetic-2",
  relatedName: "SYNTHETIC Sibling",
};

/** A stand-in for the registry graph: only the sibling's name is related to anyone. */
function lookupOf(asked: Party[]): RuleContext {
  return {
    ...DEFAULT_RULE_CONTEXT,
    relatedSubjects: (party) => {
      asked.push(party);
      return party.name === "SYNTHETIC Sibling" ? [SIBLING] : [];
    },
  };
}

describe("related-party rule", () => {
  it("flags a payment to a relative of a registered subject, saying who and how", () => {
    const toSibling = payment({ creditor: party("Sibling"), amount: 2500 });
    const hits = relatedPartyRule.evaluate([toSibling, payment()], lookupOf([]));
    assert.equal(hits.length, 1);
    assert.equal(hits[0]?.severity, "high");
    assert.deepEqual(hits[0]?.paymentIds, [toSibling.id]);
    assert.equal(
      hits[0]?.detail,
      "The creditor SYNTHETIC Sibling of a 2,500 EUR payment matches SYNTHETIC Sibling (person-synthetic-2), " +
        "brother of registered subject SYNTHETIC Registered Subject (subject-synthetic-1).",
    );
  });

  it("asks about the receiving side only: creditor and ultimate creditor", () => {
    const asked: Party[] = [];
    const hits = relatedPartyRule.evaluate(
      [payment({ debtor: party("Sibling"), ultimateCreditor: party("Final Receiver") })],
      lookupOf(asked),
    );
    assert.deepEqual(hits, []);
    assert.deepEqual(
      asked.map((p) => p.name),
      ["SYNTHETIC Beneficiary", "SYNTHETIC Final Receiver"],
    );
  });

  it("stays silent without a registry lookup", () => {
    assert.deepEqual(
      relatedPartyRule.evaluate([payment({ creditor: party("Sibling") })], DEFAULT_RULE_CONTEXT),
      [],
    );
  });
});
