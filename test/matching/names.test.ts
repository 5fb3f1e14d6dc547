import assert from "node:assert/strict";
import { test } from "node:test";
import { analyzeName, words } from "../../src/matching/names.ts";

const texts = (name: string, kind: "person" | "organization" = "person") =>
  analyzeName(name, kind).tokens.map((t) => t.text);

test("titles, genealogy connectors and articles are not name parts", () => {
  assert.deepEqual(texts("Sheikh Mohammed bin Rashid al-Maktoum"), ["mohammed", "rashid", "maktoum"]);
  assert.deepEqual(texts("Dr. Ayman el Zawahiri"), ["ayman", "zawahiri"]);
  assert.deepEqual(texts("Präsident Putin"), ["putin"]);
});

test("an article word last in a name is a name part (Kim Jong Il), before a name it is an article", () => {
  assert.deepEqual(texts("Kim Jong Il"), ["kim", "jong", "il"]);
  assert.deepEqual(texts("Omar il Bashir"), ["omar", "bashir"]);
});

test("a name made only of title words keeps them", () => {
  assert.deepEqual(texts("Sheikh"), ["sheikh"]);
});

test("abd compounds written apart, hyphenated or joined become one unit", () => {
  const forms = [
    "Abd al-Rahman",
    "Abdul Rahman",
    "Abdel Rahman",
    "Abdurrahman",
    "Abd ar-Rahman",
    "ABDULRAHMAN",
  ];
  for (const form of forms) assert.deepEqual(texts(form), ["abdrahman"], form);
  for (const form of ["Abdullah", "Abdallah", "Abd Allah", "Abdulla"])
    assert.deepEqual(texts(form), ["abdlah"], form);
});

test("kunya and -ud-din compounds join", () => {
  assert.deepEqual(texts("Abu Bakr"), ["abubakr"]);
  assert.deepEqual(texts("Abou Bakr"), ["abubakr"]);
  for (const form of ["Salah al-Din", "Salahuddin", "Salah Eddine"])
    assert.deepEqual(texts(form), ["salahdin"], form);
  assert.equal(analyzeName("Abd al-Rahman").tokens[0]?.tail?.text, "rahman");
});

test("initials: single letters and short consonant runs", () => {
  const tokens = analyzeName("JC Juncker").tokens;
  assert.deepEqual(
    tokens.map((t) => [t.text, t.initial]),
    [
      ["j", true],
      ["c", true],
      ["juncker", false],
    ],
  );
});

test("organisation legal forms are removed and remembered by family", () => {
  assert.deepEqual(texts("Volkswagen Gesellschaft mit beschränkter Haftung", "organization"), ["volkswagen"]);
  assert.deepEqual(texts("Lloyds Banking Group Public Limited Company", "organization"), [
    "lloyds",
    "banking",
    "group",
  ]);
  assert.deepEqual(texts("Stripe LLC", "organization"), ["stripe"]);
  assert.equal(analyzeName("OAO Gazprom", "organization").legalForm, "jsc");
  assert.equal(analyzeName("Gazprom GmbH", "organization").legalForm, "llc");
  // A legal form alone is the name.
  assert.deepEqual(texts("Company", "organization"), ["company"]);
});

test("letters written with dots are one abbreviation, apart from a lone letter beside them", () => {
  const series = analyzeName("Nordwerk Growth Fund X L.P.", "organization");
  assert.deepEqual(
    series.tokens.map((t) => t.text),
    ["nordwerk", "growth", "fund", "x"],
  );
  assert.equal(series.legalForm, "lp");
  assert.deepEqual(texts("U.S.A. Nordwerk Trading", "organization"), ["usa", "nordwerk", "trading"]);
  assert.deepEqual(texts("Nordwerk Sp. z o.o.", "organization"), ["nordwerk"]);
  assert.equal(analyzeName("Nordwerk Sp. z o.o.", "organization").legalForm, "llc");
  // Spaced letters still join, as before.
  assert.deepEqual(texts("L & H Nordwerk", "organization"), ["lh", "nordwerk"]);
});

test("number words, ordinals and look-alike digits", () => {
  assert.deepEqual(words("Brigade Forty-Four"), ["brigade", "44"]);
  assert.deepEqual(words("1st Bank"), ["1", "bank"]);
  assert.deepEqual(words("First Bank"), ["1", "bank"]);
  assert.deepEqual(words("Ig0r Sech1n"), ["igor", "sechin"]);
});

test("words that name JavaScript's own object properties are plain name words", () => {
  // Lookup tables answered "constructor" with Object's constructor function.
  const company = analyzeName("Constructor Holdings Ltd", "organization");
  assert.deepEqual(
    company.tokens.map((t) => t.text),
    ["constructor", "holdings"],
  );
  assert.deepEqual(
    analyzeName("Constructor Proto").tokens.map((t) => t.text),
    ["constructor", "proto"],
  );
});

test("short Han and Hangul names split into syllables that remember their characters", () => {
  const tokens = analyzeName("김정은").tokens;
  assert.equal(tokens.length, 3);
  assert.deepEqual(
    tokens.map((t) => t.glyph),
    ["김", "정", "은"],
  );
  // Foreign names spelt sound by sound stay whole.
  assert.equal(analyzeName("弗拉基米尔·普京").tokens.length, 2);
});

test("given-name variant classes share a key", () => {
  const keys = ["Mohammed", "Muhammad", "Mohamed", "Mehmet"].map((n) => analyzeName(n).tokens[0]?.key);
  assert.equal(new Set(keys).size, 1);
  assert.notEqual(analyzeName("Yusuf").tokens[0]?.key, analyzeName("Husayn").tokens[0]?.key);
});

test("a person's name written 'FAMILY, Given' reads in the natural order", () => {
  assert.deepEqual(texts("HADDAD, Omar bin Yusuf"), texts("Omar bin Yusuf Haddad"));
  assert.equal(analyzeName("HADDAD, Omar bin Yusuf").nasab, true);
  // Organisations keep their commas' order, and more than one comma is no inversion.
  assert.deepEqual(texts("Acme, Inc.", "organization"), ["acme"]);
  assert.deepEqual(texts("Haddad, Omar, Yusuf"), ["haddad", "omar", "yusuf"]);
});

test("a legal form written on to an organisation name in capitals stands apart", () => {
  assert.deepEqual(texts("NordwerkAG", "organization"), texts("Nordwerk AG", "organization"));
  assert.equal(
    analyzeName("NordwerkAG", "organization").legalForm,
    analyzeName("Nordwerk AG", "organization").legalForm,
  );
  // Capitals inside a name that are no legal form stay joined.
  assert.deepEqual(texts("PetroNord", "organization"), ["petronord"]);
});

test("in organisation names, der/den/de after van/von belong to the family name", () => {
  assert.deepEqual(texts("Van der Bilt Corp", "organization"), ["van", "der", "bilt"]);
  assert.deepEqual(texts("Bank of the Andes", "organization"), ["bank", "andes"]);
});
