import assert from "node:assert/strict";
import { test } from "node:test";
import { isAbjad, transliterate } from "../../src/matching/transliterate.ts";

test("Cyrillic follows the ICAO 9303 letters", () => {
  assert.equal(transliterate("Владимир Путин"), "vladimir putin");
  assert.equal(transliterate("Хрущёв"), "khrushchev");
  assert.equal(transliterate("Зеленський"), "zelenskiy");
});

test("Greek follows ICAO 9303 and drops accents", () => {
  assert.equal(transliterate("Αλέξανδρος"), "alexandros");
  assert.equal(transliterate("Νικόλαος"), "nikolaos");
});

test("Arabic keeps alef and the long vowels that any-ascii drops", () => {
  assert.equal(transliterate("محمد"), "mhmd");
  assert.equal(transliterate("أحمد"), "ahmd");
  assert.equal(transliterate("عمر"), "amr");
  assert.equal(transliterate("پزشکیان"), "pzshkyan");
  assert.ok(isAbjad("محمد علي"));
  assert.ok(isAbjad("משה"));
  assert.ok(!isAbjad("Mohamed Ali"));
});

test("Latin diacritics and other scripts fall back to any-ascii", () => {
  assert.equal(transliterate("Erdoğan Ñúñez"), "erdogan nunez");
  assert.equal(transliterate("习近平"), "xi jin ping");
});

test("plain ASCII only loses its case; Latin mixed with another script keeps both readings", () => {
  assert.equal(transliterate("O'Brien-SMITH Jr."), "o'brien-smith jr.");
  assert.equal(transliterate("Ḥasan Владимир"), "hasan vladimir");
  assert.equal(transliterate("ȺLI Ωmega"), "ali omega");
});
