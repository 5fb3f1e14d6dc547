import assert from "node:assert/strict";
import { describe, it } from "node:test";
import fc from "fast-check";
import {
  accuracy,
  accuracyAt,
  confusion,
  evenSample,
  groupBy,
  percentile,
  recallAtK,
  type Scored,
  tuneThreshold,
} from "../../bench/matching/metrics.ts";
import { renderTable, replaceSection } from "../../bench/matching/report.ts";

const scoredItems = fc.array(
  fc.record({ score: fc.integer({ min: 0, max: 20 }).map((n) => n / 20), label: fc.boolean() }),
  { maxLength: 60 },
);

describe("confusion and accuracy", () => {
  it("counts each outcome once", () => {
    const c = confusion([
      { predicted: true, label: true },
      { predicted: true, label: true },
      { predicted: true, label: false },
      { predicted: false, label: true },
      { predicted: false, label: false },
    ]);
    assert.deepEqual(c, { tp: 2, fp: 1, fn: 1, tn: 1 });
    const a = accuracy(c);
    assert.equal(a.n, 5);
    assert.equal(a.precision, 2 / 3);
    assert.equal(a.recall, 2 / 3);
    assert.ok(Math.abs(a.f1 - 2 / 3) < 1e-12);
  });

  it("gives 0, not NaN, when nothing is predicted or nothing is positive", () => {
    assert.deepEqual(accuracy({ tp: 0, fp: 0, fn: 3, tn: 2 }), { n: 5, precision: 0, recall: 0, f1: 0 });
    assert.deepEqual(accuracy({ tp: 0, fp: 2, fn: 0, tn: 0 }), { n: 2, precision: 0, recall: 0, f1: 0 });
  });

  it("F1 is the harmonic mean of precision and recall, within [0, 1]", () => {
    fc.assert(
      fc.property(scoredItems, fc.double({ min: 0, max: 1, noNaN: true }), (items, t) => {
        const a = accuracyAt(items, t);
        assert.ok(a.f1 >= 0 && a.f1 <= 1);
        assert.ok(a.f1 <= Math.max(a.precision, a.recall) + 1e-12);
        assert.ok(a.f1 >= Math.min(a.precision, a.recall) - 1e-12);
        assert.equal(a.n, items.length);
      }),
    );
  });
});

describe("tuneThreshold", () => {
  it("finds the best F1 over every possible threshold (checked by trying each score)", () => {
    fc.assert(
      fc.property(scoredItems, (items) => {
        const tuned = tuneThreshold(items);
        const bestByBruteForce = Math.max(0, ...items.map((i) => accuracyAt(items, i.score).f1));
        assert.ok(Math.abs(tuned.f1 - bestByBruteForce) < 1e-12);
        if (tuned.f1 > 0) assert.ok(Math.abs(accuracyAt(items, tuned.threshold).f1 - tuned.f1) < 1e-12);
      }),
    );
  });

  it("puts the cut between the classes when they separate, preferring the higher threshold", () => {
    const items: Scored[] = [
      { score: 0.9, label: true },
      { score: 0.8, label: true },
      { score: 0.3, label: false },
      { score: 0.2, label: false },
    ];
    const tuned = tuneThreshold(items);
    assert.equal(tuned.f1, 1);
    assert.equal(tuned.threshold, 0.8);
  });

  it("never splits items with equal scores", () => {
    const items: Scored[] = [
      { score: 0.5, label: true },
      { score: 0.5, label: false },
      { score: 0.1, label: false },
    ];
    const tuned = tuneThreshold(items);
    assert.equal(tuned.threshold, 0.5);
    assert.equal(tuned.precision, 0.5);
  });
});

describe("recallAtK", () => {
  it("counts a hit when the true answer ranks below k, and a miss when absent", () => {
    const ranks = [0, 1, 4, 5, undefined];
    assert.equal(recallAtK(ranks, 1), 1 / 5);
    assert.equal(recallAtK(ranks, 5), 3 / 5);
    assert.equal(recallAtK([], 5), 0);
  });
});

describe("percentile", () => {
  it("interpolates between closest ranks", () => {
    const values = Array.from({ length: 101 }, (_, i) => 100 - i); // 100..0, unsorted on purpose
    assert.equal(percentile(values, 50), 50);
    assert.equal(percentile(values, 95), 95);
    assert.equal(percentile([1, 2], 50), 1.5);
    assert.ok(Number.isNaN(percentile([], 50)));
  });

  it("lies within the range and grows with p", () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: 0, max: 1e3, noNaN: true }), { minLength: 1, maxLength: 50 }),
        fc.integer({ min: 0, max: 99 }),
        (values, p) => {
          const low = percentile(values, p);
          assert.ok(low >= Math.min(...values) && low <= Math.max(...values));
          assert.ok(percentile(values, p + 1) >= low);
        },
      ),
    );
  });
});

describe("groupBy", () => {
  it("keeps every item, under its key, in first-seen key order", () => {
    const groups = groupBy(["b1", "a1", "b2"], (s) => s.charAt(0));
    assert.deepEqual([...groups.keys()], ["b", "a"]);
    assert.deepEqual(groups.get("b"), ["b1", "b2"]);
  });
});

describe("evenSample", () => {
  it("takes n distinct items in order, or all of them when there are fewer", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 200 }), fc.integer({ min: 0, max: 250 }), (length, n) => {
        const items = Array.from({ length }, (_, i) => i);
        const picked = evenSample(items, n);
        assert.equal(picked.length, Math.min(n, length));
        assert.equal(new Set(picked).size, picked.length);
        assert.deepEqual(
          picked,
          [...picked].sort((a, b) => a - b),
        );
        if (picked.length > 0) assert.equal(picked[0], 0);
      }),
    );
  });
});

describe("replaceSection (docs/benchmarks.md is shared with other benchmarks)", () => {
  const doc =
    "# Benchmarks\n\n## Import\n\nimport figures\n\n## Matching\n\nold\n### sub\nold too\n\n## Speed\n\nother\n";

  it("replaces only its own section, up to the next level-2 heading", () => {
    const updated = replaceSection(doc, "## Matching", "new figures");
    assert.equal(
      updated,
      "# Benchmarks\n\n## Import\n\nimport figures\n\n## Matching\n\nnew figures\n\n## Speed\n\nother\n",
    );
    assert.equal(replaceSection(updated, "## Matching", "new figures"), updated);
  });

  it("appends the section when it is missing, keeping the rest", () => {
    const updated = replaceSection("# Benchmarks\n\n## Import\n\nx\n", "## Matching", "figures");
    assert.equal(updated, "# Benchmarks\n\n## Import\n\nx\n\n## Matching\n\nfigures\n");
  });
});

describe("renderTable", () => {
  it("writes a Markdown table with one row per entry and escaped pipes", () => {
    const text = renderTable({
      title: "T",
      columns: ["a", "b"],
      rows: [
        ["1", "x|y"],
        ["22", "z"],
      ],
    });
    const lines = text.split("\n").filter((l) => l.startsWith("|"));
    assert.equal(lines.length, 4);
    assert.ok(lines.every((l) => l.length === (lines[0] as string).length));
    assert.ok(text.includes("x\\|y"));
  });
});
