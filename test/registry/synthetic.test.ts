import assert from "node:assert/strict";
import { test } from "node:test";
import { validateEntity } from "../../src/model/schema.ts";
import { SYNTHETIC_DATASET, SYNTHETIC_NOTE, syntheticPeople } from "../../src/registry/synthetic.ts";

const sample = syntheticPeople(2000);
const people = sample.filter((e) => e.schema === "Person");
const passports = sample.filter((e) => e.schema === "Passport");

test("the same seed gives the same people, another seed different ones", () => {
  assert.deepEqual(syntheticPeople(300), syntheticPeople(300));
  assert.notDeepEqual(syntheticPeople(300, 7), syntheticPeople(300));
});

test("count is the number of people, passports come on top", () => {
  assert.equal(people.length, 2000);
  assert.ok(passports.length > 1000 && passports.length < 1800, `passports: ${passports.length}`);
  assert.equal(new Set(sample.map((e) => e.id)).size, sample.length);
});

test("every record is valid FtM, in the synthetic dataset and labelled synthetic", () => {
  for (const entity of sample) {
    validateEntity(entity, entity.id);
    assert.deepEqual(entity.datasets, [SYNTHETIC_DATASET]);
    const label = entity.schema === "Person" ? entity.properties.notes : entity.properties.description;
    assert.deepEqual(label, [SYNTHETIC_NOTE]);
  }
});

test("people have 1 to 3 name variants, a birth date, a nationality and a gender", () => {
  for (const person of people) {
    const names = [...(person.properties.name ?? []), ...(person.properties.alias ?? [])];
    assert.ok(names.length >= 1 && names.length <= 3, `${person.id}: ${names.join(" | ")}`);
    assert.match(person.properties.birthDate?.[0] ?? "", /^\d{4}(-\d{2}-\d{2})?$/);
    assert.ok(person.properties.nationality?.length);
    assert.ok(["male", "female"].includes(person.properties.gender?.[0] ?? ""));
  }
  const yearOnly = people.filter((p) => p.properties.birthDate?.[0]?.length === 4).length;
  assert.ok(yearOnly > 200 && yearOnly < 800, `year-only birth dates: ${yearOnly}`);
});

test("names come from many scripts and locales", () => {
  const aliases = people.flatMap((p) => p.properties.alias ?? []);
  assert.ok(
    aliases.some((a) => /\p{Script=Arabic}/u.test(a)),
    "Arabic script",
  );
  assert.ok(
    aliases.some((a) => /\p{Script=Cyrillic}/u.test(a)),
    "Cyrillic script",
  );
  const nationalities = new Set(people.flatMap((p) => p.properties.nationality ?? []));
  for (const country of ["sy", "iq", "ru", "tr", "fr", "gb", "de", "id"])
    assert.ok(nationalities.has(country), country);
  for (const person of people)
    assert.doesNotMatch(person.properties.name?.[0] ?? "", /\p{Script=Arabic}|\p{Script=Cyrillic}/u);
});

test("every passport points at a person in the same batch", () => {
  const personIds = new Set(people.map((p) => p.id));
  for (const passport of passports) {
    assert.ok(personIds.has(passport.properties.holder?.[0] ?? ""), passport.id);
    assert.match(passport.properties.number?.[0] ?? "", /^[A-Z]{2}\d{7}$/);
  }
});
