import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { fanInRule } from "../../src/finance/fan-in.ts";
import { DEFAULT_RULE_CONTEXT } from "../../src/finance/rule-config.ts";
import type { Payment } from "../../src/formats/payment-types.ts";
import { day, party, payment } from "./synthetic-payments.ts";

// 5 or more distinct senders to one beneficiary within 7 days.
const run = (payments: Payment[]) => fanInRule.evaluate(payments, DEFAULT_RULE_CONTEXT);
const from = (sender: string, days: number, extra: Partial<Payment> = {}) =>
  payment({ debtor: party(sender), valueDate: day(days), ...extra });

describe("fan-in rule", () => {
  it("flags five different senders to one beneficiary within the window", () => {
    const payments = ["A", "B", "C", "D", "E"].map((sender, index) => from(`Donor ${sender}`, index));
    const hits = run(payments);
    assert.equal(hits.length, 1);
    assert.equal(hits[0]?.severity, "low");
    assert.deepEqual(
      hits[0]?.paymentIds,
      payments.map((p) => p.id),
    );
    assert.match(
      hits[0]?.detail ?? "",
      /^SYNTHETIC Beneficiary received 5 payments from 5 different senders/,
    );
    assert.match(hits[0]?.detail ?? "", /SYNTHETIC Donor A, SYNTHETIC Donor B/);
  });

  it("stays quiet for four senders, one sender five times, or senders spread out", () => {
    assert.deepEqual(run(["A", "B", "C", "D"].map((s) => from(s, 0))), []);
    assert.deepEqual(run([0, 1, 2, 3, 4].map((d) => from("Same Donor", d))), []);
    assert.deepEqual(run(["A", "B", "C", "D", "E"].map((s, index) => from(s, index * 2))), []);
  });

  it("counts the ultimate parties: the real payer and the real beneficiary", () => {
    const hub = party("Collector");
    const payments = ["A", "B", "C", "D", "E"].map((s) =>
      from("Money Transmitter", 1, { ultimateDebtor: party(`Donor ${s}`), ultimateCreditor: hub }),
    );
    const hits = run(payments);
    assert.equal(hits.length, 1);
    assert.match(hits[0]?.detail ?? "", /^SYNTHETIC Collector received/);
  });
});
