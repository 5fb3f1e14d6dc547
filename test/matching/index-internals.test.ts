import assert from "node:assert/strict";
import { test } from "node:test";
import fc from "fast-check";
import { CandidateScratch } from "../../src/matching/candidate-scratch.ts";
import { nameProfile } from "../../src/matching/eval/cross-script.ts";
import { MatchIndex } from "../../src/matching/index.ts";
import { MergedGroups } from "../../src/matching/merged-groups.ts";
import { analyzeName } from "../../src/matching/names.ts";
import { Postings } from "../../src/matching/postings.ts";

test("property: offered best weight first, each slot counts once per group with its best weight; selection sorts by score, then slot", () => {
  const offers = fc.array(fc.array(fc.tuple(fc.nat(60), fc.integer({ min: 1, max: 8 })), { maxLength: 30 }), {
    maxLength: 6,
  });
  // Per group, whether it is handed over merged (each slot once, through `add`) or key by key (`offer`).
  const merged = fc.array(fc.boolean(), { minLength: 6, maxLength: 6 });
  fc.assert(
    fc.property(offers, merged, fc.integer({ min: 1, max: 12 }), (groups, mergedGroups, limit) => {
      const scratch = new CandidateScratch();
      scratch.reserve(61);
      const expected = new Map<number, number>();
      groups.forEach((group, g) => {
        scratch.startGroup();
        const best = new Map<number, number>();
        // The index offers a group's keys from the highest weight down.
        for (const [slot, weight] of [...group].sort((a, b) => b[1] - a[1])) {
          if (!mergedGroups[g]) scratch.offer(slot, weight);
          best.set(slot, Math.max(best.get(slot) ?? 0, weight));
        }
        if (mergedGroups[g]) for (const [slot, weight] of best) scratch.add(slot, weight);
        for (const [slot, weight] of best) expected.set(slot, (expected.get(slot) ?? 0) + weight);
      });
      const sorted = [...expected.keys()].sort(
        (a, b) => (expected.get(b) ?? 0) - (expected.get(a) ?? 0) || a - b,
      );
      assert.deepEqual(scratch.best(limit), sorted.slice(0, limit));
      for (const slot of sorted) assert.equal(scratch.score(slot), expected.get(slot));
      scratch.clear();
      for (const slot of sorted) assert.equal(scratch.score(slot), 0);
    }),
  );
});

test("posting lists: a name is filed once per key, found by a query of the same name, and unfiled", () => {
  const postings = new Postings();
  const form = analyzeName("Yusuf Tahhanov");
  const filed = postings.fileGroups(form);
  assert.ok(filed.length >= 3); // two tokens and their joined form
  const ids = [...new Set(filed.flat())];
  postings.file(form, 7);
  postings.file(analyzeName("Tahhanov Yusuf"), 7); // the same keys (but the joined one) again for slot 7
  postings.file(form, 9);
  for (const id of ids) assert.deepEqual(postings.list(id), [7, 9]);
  assert.deepEqual(postings.lookupGroups(analyzeName("Yusuf Tahhanov")), filed);
  // A query token nobody filed has no keys, and looking it up files nothing.
  assert.deepEqual(postings.lookupGroups(analyzeName("Qqq")), []);
  assert.deepEqual(postings.lookupGroups(analyzeName("Qqq")), []);
  postings.unfile(form, 7);
  for (const id of ids) assert.deepEqual(postings.list(id), [9]);
});

const NAMES = ["Olga Petrenko", "Ivan Sidorchuk", "Karim Benhaddou", "Maria Gonzalez Ortega", "Li Wei"];
const word = fc.stringMatching(/^[a-z]{2,8}$/);

test("property: adding then removing a profile leaves search results as if it was never added", () => {
  fc.assert(
    fc.property(fc.array(word, { minLength: 1, maxLength: 3 }), fc.nat(NAMES.length - 1), (parts, asked) => {
      const base = () => new MatchIndex(NAMES.map((n, i) => nameProfile(n, `p${i}`)));
      const touched = base();
      touched.add(nameProfile(parts.join(" "), "extra"));
      touched.update(nameProfile(`${parts.join(" ")} x`, "extra"));
      assert.ok(touched.remove("extra"));
      const query = { name: NAMES[asked] ?? "" };
      assert.deepEqual(touched.search(query, 5), base().search(query, 5));
    }),
    { numRuns: 40 },
  );
});

test("merged key groups: each slot once with its best key's weight, only in the index state merged in, least recently used dropped first", () => {
  const merged = new MergedGroups(6);
  const group = [1, 2, 3];
  assert.equal(merged.shouldMerge(group), false, "a group asked for once is not merged");
  assert.equal(merged.shouldMerge(group), true);
  // Lists come best weight first; slot 5 is in both and keeps the higher weight.
  merged.store(
    group,
    [
      [2, 5],
      [5, 9, 11],
    ],
    [3, 1.5],
    2,
    16,
    7,
  );
  const found = merged.lookup(group, 7);
  assert.ok(found);
  const weightOf = new Map([...found.slots].map((slot, i) => [slot, found.weights[found.keyOf[i] ?? 0]]));
  assert.deepEqual(
    weightOf,
    new Map([
      [2, 3],
      [5, 3],
      [9, 1.5],
      [11, 1.5],
    ]),
  );
  assert.equal(merged.lookup(group, 8), undefined, "the index changed: read the lists again");
  assert.equal(merged.lookup(group, 7), undefined, "and the stale list is gone");
  const [a, b, c] = [[1], [2], [3]];
  merged.store(a, [[1, 2], [3]], [2, 1], 2, 16, 1);
  merged.store(b, [[4, 5], [6]], [2, 1], 2, 16, 1);
  merged.lookup(a, 1); // a is now the more recently used
  merged.store(c, [[7], [8]], [2, 1], 2, 16, 1);
  assert.ok(merged.lookup(a, 1));
  assert.equal(merged.lookup(b, 1), undefined, "over the budget of 6 slots, the least recently used goes");
  assert.ok(merged.lookup(c, 1));
});

test("property: repeated searches, with profiles added and removed between them, find what a fresh index finds", () => {
  const names = [...NAMES, "Olga Petrenco", "Ivan Sydorchuk", "Karim Ben Haddou", "Mariya Gonzales"];
  fc.assert(
    fc.property(
      fc.array(fc.tuple(fc.nat(names.length - 1), fc.constantFrom("search", "add", "remove")), {
        maxLength: 25,
      }),
      (steps) => {
        const held = new Set([0, 1, 2]);
        const profiles = () =>
          [...held].sort((x, y) => x - y).map((i) => nameProfile(names[i] ?? "", `p${i}`));
        const live = new MatchIndex(profiles());
        for (const [i, step] of steps) {
          if (step === "add" && !held.has(i)) {
            held.add(i);
            live.add(nameProfile(names[i] ?? "", `p${i}`));
          } else if (step === "remove" && held.delete(i)) live.remove(`p${i}`);
          const query = { name: names[i] ?? "" };
          // Asked three times: read list by list, then merged, then from the merged list.
          const fresh = new MatchIndex(profiles()).search(query, 5);
          for (let time = 0; time < 3; time++) assert.deepEqual(live.search(query, 5), fresh);
        }
      },
    ),
    { numRuns: 60 },
  );
});
