import assert from "node:assert/strict";
import { test } from "node:test";
import fc from "fast-check";
import { ACRONYM_SHARE, compareNames } from "../../src/matching/compare/name.ts";
import { NameBound } from "../../src/matching/compare/name-bound.ts";
import { nameProfile } from "../../src/matching/eval/cross-script.ts";
import { MatchIndex } from "../../src/matching/index.ts";
import { analyzeName, makeToken } from "../../src/matching/names.ts";
import { prepareProfile, prepareQuery } from "../../src/matching/prepare.ts";
import { otherEvidence, ScoreFloor, scorePrepared } from "../../src/matching/score.ts";
import { DEFAULT_STATS, FrequencyStats } from "../../src/matching/stats.ts";
import type { MatchProfile, MatchQuery } from "../../src/matching/types.ts";

// Synthetic name parts: given names with variants, initials, particles, short parts that spell acronyms.
const PARTS = [
  "Mohammed",
  "Muhammad",
  "Ali",
  "Hassan",
  "Abd",
  "al-Rahman",
  "Abdulrahman",
  "bin",
  "Olga",
  "Petrenko",
  "Petrenco",
  "J.",
  "K",
  "Smith",
  "Smyth",
  "Trading",
  "LLC",
  "MS",
  "AK",
  "Li",
  "Wei",
  "Jin",
  "Ping",
  "Jinping",
  "Qurbani",
  "Tahhanov",
];
const name = fc.array(fc.constantFrom(...PARTS), { minLength: 1, maxLength: 4 }).map((p) => p.join(" "));
const date = fc.constantFrom(
  undefined,
  "1970-01-01",
  "1971-01-10",
  "1975",
  "1970-01",
  "1990-12-31",
  "1970-10-01",
);
const country = fc.constantFrom(undefined, "SY", "IQ", "fr", "Russia");
const gender = fc.constantFrom(undefined, "male", "female");
const passport = fc.constantFrom(undefined, "N1234567", "N1234568", "X0000001");
const schema = fc.constantFrom("Person", "Organization");

const query = fc.record({
  name,
  birthDate: date,
  nationality: country,
  gender,
  documentNumber: passport,
  schema,
});
const profile = fc
  .record({
    names: fc.array(name, { minLength: 1, maxLength: 4 }),
    birthDate: date,
    nationality: country,
    gender,
    passport,
    schema,
  })
  .map(
    (p): MatchProfile => ({
      ...nameProfile(p.names[0] ?? "x", "p", p.schema),
      names: p.names,
      birthDates: p.birthDate ? [p.birthDate] : [],
      nationalities: p.nationality ? [p.nationality] : [],
      genders: p.gender ? [p.gender] : [],
      documents: p.passport ? [{ number: p.passport, country: "SY" }] : [],
    }),
  );

/** Drops the undefined fields a record arbitrary leaves, as a parsed query has none. */
function defined(q: Record<string, string | undefined>): MatchQuery {
  return Object.fromEntries(Object.entries(q).filter(([, v]) => v !== undefined)) as unknown as MatchQuery;
}

test("property: a pair the floor rules out always scores below it", () => {
  let ruledOut = 0;
  let runs = 0;
  fc.assert(
    fc.property(query, profile, fc.constantFrom(0.5, 0.8, 0.95), (q, p, minScore) => {
      const prepared = prepareQuery(defined(q));
      const listed = prepareProfile(p);
      const floor = new ScoreFloor(minScore, DEFAULT_STATS);
      runs++;
      if (floor.below(prepared, listed, otherEvidence(prepared, listed))) {
        ruledOut++;
        const { score } = scorePrepared(prepared, listed, DEFAULT_STATS);
        assert.ok(score < minScore, `${q.name} vs ${p.names.join(" / ")}: ${score} >= ${minScore}`);
      }
    }),
    { numRuns: 3000 },
  );
  // The property says something only if the floor rules out a fair share of the pairs.
  assert.ok(ruledOut > runs / 10, `only ${ruledOut} of ${runs} pairs ruled out`);
});

test("in a large registry the floor rules out a namesake with a common name born decades apart, not the same person", () => {
  const stats = new FrequencyStats();
  for (let i = 0; i < 135_000; i++) stats.addSubject([]);
  const floor = new ScoreFloor(0.8, stats);
  const listed = prepareProfile({ ...nameProfile("Mohammed Ali"), birthDates: ["1950-03-02"] });
  const below = (birthDate: string) => {
    const query = prepareQuery({ name: "Muhammad Ali", birthDate });
    return floor.below(query, listed, otherEvidence(query, listed));
  };
  assert.ok(below("1990-12-31"));
  assert.ok(!below("1950-03-02"));
});

test("property: a search with a minimum score returns what the full search returns at or above it", () => {
  const registry = fc.array(profile, { minLength: 1, maxLength: 25 });
  fc.assert(
    fc.property(registry, query, fc.integer({ min: 1, max: 6 }), (profiles, q, top) => {
      const index = new MatchIndex(profiles.map((p, i) => ({ ...p, entityId: `p${i}` })));
      const asked = defined(q);
      const all = index.search(asked, top).filter((r) => r.score >= 0.8);
      assert.deepEqual(index.search(asked, top, { minScore: 0.8 }), all);
      const either = index.searchEitherKind(asked, top).filter((r) => r.score >= 0.8);
      assert.deepEqual(index.searchEitherKind(asked, top, { minScore: 0.8 }), either);
    }),
    { numRuns: 300 },
  );
});

test("the name bound allows for a listed acronym of the query's initials, and stays out of names read in other scripts", () => {
  const query = analyzeName("Maribel Smith Trading", "organization");
  const bound = new NameBound(query, DEFAULT_STATS);
  const against = (name: string, schema = "Organization") => {
    const { names, nameShape } = prepareProfile(nameProfile(name, name, schema));
    return bound.against(names, nameShape) ?? Number.NaN;
  };
  const plain = against("Smith Trading");
  const withAcronym = against("MS Trading");
  assert.ok(
    Math.abs(withAcronym - plain - ACRONYM_SHARE * DEFAULT_STATS.tokenWeight(makeToken("ms"))) < 1e-9,
  );
  const listed = analyzeName("MS Trading", "organization");
  assert.ok(compareNames(query, listed, DEFAULT_STATS).logOdds <= withAcronym);
  assert.ok(Number.isNaN(against("李明", "Person")), "a name read in other scripts is never bounded");
  const han = prepareProfile(nameProfile("Xi Jinping"));
  assert.equal(new NameBound(analyzeName("习近平"), DEFAULT_STATS).against(han.names, han.nameShape), null);
});

test("property: no name comparison adds more than the name bound, however many parts agree", () => {
  // Parts that agree exactly, as variants, joined or as acronyms, so that long names align many of them.
  const words = [
    "Mohammed",
    "Muhammad",
    "Abdul",
    "Rahman",
    "Abdulrahman",
    "Petrenko",
    "Olga",
    "J.",
    "People's",
    "Liberation",
    "Army",
    "PLA",
    "International",
    "Business",
    "Machines",
    "International Business Machines",
    "People's Liberation Army",
    "IBM",
    "Jalal",
    "Jalaluddin",
    "Zadran",
    "Haqqani",
  ];
  const name = fc.array(fc.constantFrom(...words), { minLength: 1, maxLength: 6 }).map((p) => p.join(" "));
  const stats = new FrequencyStats();
  for (let i = 0; i < 3000; i++) stats.addSubject(i % 7 === 0 ? ["mohammed", "abdul"] : [`filler${i}`]);
  fc.assert(
    fc.property(
      name,
      name,
      fc.constantFrom("person", "organization") as fc.Arbitrary<"person" | "organization">,
      (q, l, kind) => {
        const query = analyzeName(q, kind);
        const { names, nameShape } = prepareProfile(
          nameProfile(l, l, kind === "person" ? "Person" : "Organization"),
        );
        const bound = new NameBound(query, stats).against(names, nameShape);
        if (bound === null) return;
        for (const listed of names) {
          const compared = compareNames(query, listed, stats).logOdds;
          assert.ok(compared <= bound + 0.05, `${q} / ${l}: ${compared} > bound ${bound}`);
        }
      },
    ),
    { numRuns: 4000, seed: 2178 },
  );
});

test("the name bound is close above full agreements of three and more parts, initials and acronyms included", () => {
  const stats = new FrequencyStats();
  for (let i = 0; i < 3000; i++) stats.addSubject([`filler${i}`]);
  const pairs: [string, string, "person" | "organization"][] = [
    ["Olga Petrenko Zadran", "Olga Petrenko Zadran", "person"],
    ["J. Zadran Haqqani", "Jalal Zadran Haqqani", "person"],
    ["Zadran Haqqani Olga J.", "Zadran Haqqani Olga Jalal", "person"],
    ["Haqqani Zadran IBM", "International Business Machines Zadran Haqqani", "organization"],
  ];
  for (const [q, l, kind] of pairs) {
    const query = analyzeName(q, kind);
    const { names, nameShape } = prepareProfile(
      nameProfile(l, l, kind === "person" ? "Person" : "Organization"),
    );
    const bound = new NameBound(query, stats).against(names, nameShape) ?? Number.NaN;
    const compared = compareNames(query, names[0] ?? query, stats).logOdds;
    assert.ok(compared <= bound + 0.05, `${q} / ${l}: ${compared} above the bound ${bound}`);
    assert.ok(bound - compared < 1.5, `${q} / ${l}: the bound ${bound} is far above ${compared}`);
  }
});

test("property: the closer name bound never rules out a name that adds as much as the budget", () => {
  // Spellings that agree as typos, variants, phonetically, across scripts, joined, as compounds, initials
  // and acronyms, beside parts that agree with nothing.
  const words = [
    "Mohammed",
    "Mohamed",
    "Muhamad",
    "محمد",
    "Abdul",
    "Rahman",
    "Abdulrahman",
    "Abd al-Rahman",
    "عبد الرحمن",
    "Sergei",
    "Sergey",
    "Сергей",
    "Hanniball",
    "Hanibal",
    "Schuff",
    "Schubert",
    "Nika",
    "Nico",
    "Jalal",
    "Uddin",
    "Jalaluddin",
    "J.",
    "People's",
    "Liberation",
    "Army",
    "PLA",
    "bin",
    "Laden",
    "Ladin",
    "Smith",
    "Smyth",
  ];
  const name = fc.array(fc.constantFrom(...words), { minLength: 1, maxLength: 5 }).map((p) => p.join(" "));
  const stats = new FrequencyStats();
  for (let i = 0; i < 3000; i++) stats.addSubject(i % 5 === 0 ? ["mohammed", "smith"] : [`filler${i}`]);
  let ruledOut = 0;
  fc.assert(
    fc.property(
      name,
      fc.array(name, { minLength: 1, maxLength: 3 }),
      fc.constantFrom("Person", "Organization"),
      fc.double({ min: -5, max: 25, noNaN: true }),
      (q, listedNames, schema, budget) => {
        const kind = schema === "Person" ? "person" : "organization";
        const query = analyzeName(q, kind);
        const { names, nameShape } = prepareProfile({
          ...nameProfile(listedNames[0] ?? "x", "p", schema),
          names: listedNames,
        });
        const actual = Math.max(...names.map((listed) => compareNames(query, listed, stats).logOdds));
        const below = new NameBound(query, stats).closerBelow(names, nameShape, budget);
        // Explanation weights are rounded to 0.001 each: the floor leaves 0.05 for that.
        if (below) {
          ruledOut++;
          assert.ok(actual < budget + 0.05, `${q} / ${listedNames.join(" | ")}: ${actual} >= ${budget}`);
        }
      },
    ),
    { numRuns: 4000, seed: 2178 },
  );
  // The property says something only if the bound rules out a fair share of the pairs.
  assert.ok(ruledOut > 500, `only ${ruledOut} of 4000 ruled out`);
});

test("the closer name bound rules out a name that shares only a first name, which the query bound cannot", () => {
  const stats = new FrequencyStats();
  for (let i = 0; i < 135_000; i++) stats.addSubject([`filler${i}`]);
  // What a name must add to reach a 0.8 floor with no other evidence (prior about -10.8).
  const budget = Math.log(0.8 / 0.2) - stats.prior;
  const query = analyzeName("Nika Schuff");
  const bound = new NameBound(query, stats);
  const { names, nameShape } = prepareProfile(nameProfile("Nico Schubert"));
  assert.ok((bound.against(names, nameShape) ?? Number.NaN) >= budget, "the query alone cannot rule it out");
  assert.ok(bound.closerBelow(names, nameShape, budget));
  const same = prepareProfile(nameProfile("Nika Schuff"));
  assert.ok(compareNames(query, same.names[0] ?? query, stats).logOdds >= budget);
  assert.ok(!bound.closerBelow(same.names, same.nameShape, budget));
});

test("the closer name bound counts parts a listed acronym spells as agreeing, so the name can still be complete", () => {
  // Cases the floor's random property once found ruled out though they score above the budget.
  const cases: [string, string[], "Person" | "Organization"][] = [
    ["Mohammed Smyth", ["MS", "Petrenco"], "Organization"],
    ["Tahhanov Abd K", ["Tahhanov AK"], "Organization"],
    ["Jinping Jinping Smyth", ["Smyth J. J. LLC"], "Organization"],
  ];
  for (const [q, listedNames, schema] of cases) {
    const query = analyzeName(q);
    const { names, nameShape } = prepareProfile({ ...nameProfile(q, "p", schema), names: listedNames });
    const actual = Math.max(...names.map((listed) => compareNames(query, listed, DEFAULT_STATS).logOdds));
    assert.ok(
      compareNames(query, names[0] ?? query, DEFAULT_STATS).items.some((i) => i.kind === "complete"),
      `${q} / ${listedNames[0]}: the full comparison finds the name complete`,
    );
    const bound = new NameBound(query, DEFAULT_STATS);
    assert.ok(!bound.closerBelow(names, nameShape, actual - 0.01), `${q} / ${listedNames.join(" | ")}`);
  }
});
