import assert from "node:assert/strict";
import { test } from "node:test";
import fc from "fast-check";
import { nameProfile } from "../../src/matching/eval/cross-script.ts";
import { MatchIndex } from "../../src/matching/index.ts";
import { makeToken } from "../../src/matching/names.ts";

// Synthetic people only.
const PEOPLE = [
  "Yusuf Tahhanov",
  "Mohammed Ali Hassan",
  "Mohammed Ali",
  "Olga Petrenko",
  "Abd al-Rahman Qurbani",
  "Ivan Sidorchuk",
  "Maria Gonzalez Ortega",
  "Li Wei",
  "Karim Benhaddou",
  "Hassan Mohammed",
];

function index(): MatchIndex {
  return new MatchIndex(PEOPLE.map((n, i) => ({ ...nameProfile(n, `p${i}`), listRef: `SYN.${i}` })));
}

test("add, update, remove keep size, results and statistics current", () => {
  const idx = index();
  assert.equal(idx.size, PEOPLE.length);
  assert.equal(idx.search({ name: "Yusuf Tahanov" })[0]?.entityId, "p0");
  idx.update({ ...nameProfile("Yusuf Tahhanov-Rashidi", "p0") });
  assert.equal(idx.size, PEOPLE.length);
  assert.equal(idx.search({ name: "Tahhanov Rashidi" })[0]?.entityId, "p0");
  assert.ok(idx.remove("p0"));
  assert.ok(!idx.remove("p0"));
  assert.equal(idx.size, PEOPLE.length - 1);
  assert.ok(idx.search({ name: "Yusuf Tahhanov" }).every((r) => r.entityId !== "p0"));
  idx.add(nameProfile("Yusuf Tahhanov", "p0"));
  assert.equal(idx.search({ name: "Yusuf Tahhanov" })[0]?.entityId, "p0");
});

test("tokens the registry holds often weigh less than rare ones", () => {
  const idx = index();
  for (let i = 0; i < 3000; i++) idx.add(nameProfile(`Mohammed Synthetic${i}`, `m${i}`));
  assert.ok(idx.stats.tokenWeight(makeToken("mohammed")) < idx.stats.tokenWeight(makeToken("tahhanov")) - 4);
});

test("results carry list references, are sorted, capped at top and flagged by the threshold", () => {
  const results = index().search({ name: "Mohammed Ali" }, 3);
  assert.ok(results.length <= 3);
  assert.equal(results[0]?.listRef, "SYN.2");
  for (let i = 1; i < results.length; i++)
    assert.ok((results[i - 1]?.score ?? 0) >= (results[i]?.score ?? 0));
});

test("property: an exact copy of a registered name is found first, deterministically", () => {
  const idx = index();
  fc.assert(
    fc.property(fc.integer({ min: 0, max: PEOPLE.length - 1 }), (i) => {
      const first = idx.search({ name: PEOPLE[i] ?? "" });
      assert.equal(first[0]?.entityId, `p${i}`);
      assert.deepEqual(idx.search({ name: PEOPLE[i] ?? "" }), first);
    }),
  );
});

test("property: a registered random name is its own best match", () => {
  const word = fc.stringMatching(/^[a-z]{3,9}$/);
  fc.assert(
    fc.property(fc.array(word, { minLength: 1, maxLength: 3 }), (parts) => {
      const idx = index();
      const name = parts.join(" ");
      idx.add(nameProfile(name, "target"));
      const best = idx.search({ name })[0];
      assert.ok(best);
      // Another profile may tie (e.g. the same name registered twice) but never beat the copy.
      const copy = idx.search({ name }, 50).find((r) => r.entityId === "target");
      assert.equal(copy?.score, best.score);
    }),
    { numRuns: 60 },
  );
});

test("property: a search for either kind finds what asking as a person and as an organisation finds, each entity once at its best", () => {
  const idx = index();
  // Synthetic organisations beside the people: some share the people's name parts.
  const ORGS = [
    "Tahhanov Trading",
    "Petrenko Holdings LLC",
    "Ali Hassan Foundation",
    "Benhaddou",
    "Ortega Sidorchuk",
  ];
  for (const [i, name] of ORGS.entries()) idx.add({ ...nameProfile(name, `o${i}`), schema: "Organization" });
  const part = fc.constantFrom(...[...PEOPLE, ...ORGS].flatMap((n) => n.split(" ")), "Mrs.", "Herr", "bin");
  fc.assert(
    fc.property(
      fc.array(part, { minLength: 1, maxLength: 4 }),
      fc.integer({ min: 1, max: 8 }),
      (parts, top) => {
        const name = parts.join(" ");
        const either = idx.searchEitherKind({ name }, top);
        const asked = ["Person", "Organization"].flatMap((schema) => idx.search({ name, schema }, top));
        const best = new Map<string, number>();
        for (const r of asked) best.set(r.entityId, Math.max(best.get(r.entityId) ?? 0, r.score));
        const expected = [...best].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).slice(0, top);
        assert.deepEqual(
          either.map((r) => [r.entityId, r.score]),
          expected,
        );
      },
    ),
    { numRuns: 300 },
  );
});
