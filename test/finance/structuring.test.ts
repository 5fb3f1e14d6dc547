import assert from "node:assert/strict";
import { describe, it } from "node:test";
import fc from "fast-check";
import { DEFAULT_RULE_CONTEXT } from "../../src/finance/rule-config.ts";
import { structuringRule } from "../../src/finance/structuring.ts";
import type { Payment } from "../../src/formats/payment-types.ts";
import { day, party, payment } from "./synthetic-payments.ts";

// EUR threshold 10,000, "just under" = 9,000 to 9,999.99, 3 payments within 7 days.
const run = (payments: Payment[]) => structuringRule.evaluate(payments, DEFAULT_RULE_CONTEXT);
const toBeneficiary = (amount: number, days: number, name = "Beneficiary") =>
  payment({ amount, valueDate: day(days), creditor: party(name) });

describe("structuring rule", () => {
  it("flags three just-under payments to one beneficiary within the window, in one hit", () => {
    const series = [toBeneficiary(9500, 0), toBeneficiary(9800, 2), toBeneficiary(9900, 5)];
    const hits = run([...series, toBeneficiary(9700, 1, "Somebody Else")]);
    assert.equal(hits.length, 1);
    assert.deepEqual(
      hits[0]?.paymentIds,
      series.map((p) => p.id),
    );
    assert.equal(
      hits[0]?.detail,
      "3 payments to SYNTHETIC Beneficiary between 2024-05-01 and 2024-05-06 were each just under the " +
        "10,000 EUR reporting threshold (from 9,000 EUR), together 29,200 EUR.",
    );
  });

  const quiet: [string, Payment[]][] = [
    ["spread beyond the window", [toBeneficiary(9500, 0), toBeneficiary(9500, 7), toBeneficiary(9500, 14)]],
    [
      "one at the threshold itself",
      [toBeneficiary(9500, 0), toBeneficiary(10000, 1), toBeneficiary(9500, 2)],
    ],
    ["below the band", [toBeneficiary(8999, 0), toBeneficiary(5000, 1), toBeneficiary(9500, 2)]],
    [
      "to different beneficiaries",
      [toBeneficiary(9500, 0, "A"), toBeneficiary(9500, 1, "B"), toBeneficiary(9500, 2)],
    ],
    [
      "in a currency without threshold",
      [0, 1, 2].map((d) => payment({ amount: 9500, currency: "GBP", valueDate: day(d) })),
    ],
    ["without dates", [0, 1, 2].map(() => payment({ amount: 9500, valueDate: undefined }))],
  ];
  for (const [what, payments] of quiet) {
    it(`stays quiet for payments ${what}`, () => assert.deepEqual(run(payments), []));
  }

  it("treats case, accents and spacing variants of the name as one beneficiary", () => {
    const hits = run([
      toBeneficiary(9500, 0, "Zoë  Example"),
      toBeneficiary(9500, 1, "ZOE EXAMPLE"),
      toBeneficiary(9500, 2, "zoe example"),
    ]);
    assert.equal(hits.length, 1);
  });

  it("reports a long run once, with all its payments", () => {
    const run6 = [0, 2, 4, 6, 8, 10].map((d) => toBeneficiary(9600, d));
    const hits = run(run6);
    assert.equal(hits.length, 1);
    assert.equal(hits[0]?.paymentIds.length, 6);
  });

  it("hits exactly when enough just-under payments fall within the window (property)", () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            offset: fc.integer({ min: 0, max: 6 }),
            cents: fc.integer({ min: 900_000, max: 999_999 }),
          }),
          {
            maxLength: 8,
          },
        ),
        (entries) => {
          const payments = entries.map(({ offset, cents }) => toBeneficiary(cents / 100, offset));
          const hits = run(payments);
          assert.equal(hits.length, payments.length >= 3 ? 1 : 0);
          if (hits[0]) assert.deepEqual(new Set(hits[0].paymentIds), new Set(payments.map((p) => p.id)));
        },
      ),
      { numRuns: 100 },
    );
  });
});
