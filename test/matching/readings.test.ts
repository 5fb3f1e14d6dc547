import assert from "node:assert/strict";
import { test } from "node:test";
import { nameProfile } from "../../src/matching/eval/cross-script.ts";
import { koreanReading } from "../../src/matching/han-readings.ts";
import { foreignSpelling, kanaUnits, romanizeKana } from "../../src/matching/kana.ts";
import { analyzeName, words } from "../../src/matching/names.ts";
import { searchReadings } from "../../src/matching/readings.ts";
import { scorePair } from "../../src/matching/score.ts";

const score = (a: string, b: string) => scorePair({ name: a }, nameProfile(b)).score;
const fitted = (a: string, b: string) =>
  (analyzeName(a).readAgainst?.(analyzeName(b)) ?? []).map((f) => f.tokens.map((t) => t.text).join(" "));

test("kana read in passport Hepburn, with the katakana spellings of foreign sounds", () => {
  assert.equal(romanizeKana("たろう"), "taro");
  assert.equal(romanizeKana("ティム"), "timu");
  assert.equal(romanizeKana("ヴィクトル"), "vikutoru");
  assert.equal(romanizeKana("ウォーカー"), "woka");
  assert.deepEqual(words("やまだ たろう"), ["yamada", "taro"]);
  assert.deepEqual(words("山田はなこ"), ["shan", "tian", "hanako"]);
  assert.equal(foreignSpelling("ウラジーミル・プーチン"), "uradimir putin");
});

test("a mora's spellings include Kunrei-shiki, dropped vowels, l for r and long vowels", () => {
  const [chi, ru] = kanaUnits("チル", 0);
  assert.ok(chi?.readings.includes("ti") && chi.readings.includes("chi"));
  assert.ok(ru?.readings.includes("r") && ru.readings.includes("l"));
  const [pu] = kanaUnits("プー", 0);
  assert.ok(pu?.readings.includes("puu") && pu.readings.includes("pu"));
  const [, tsu] = kanaUnits("キッツ", 0);
  assert.ok(tsu?.readings.includes("ttsu"));
});

test("Sino-Korean readings follow the surname readings and the initial-sound rule", () => {
  assert.equal(koreanReading("金正恩"), "김정은");
  assert.equal(koreanReading("李明博"), "이명박");
  assert.equal(koreanReading("盧武鉉"), "노무현");
  assert.equal(koreanReading("柳"), "유");
  // Only the first syllable begins a word: 明 keeps its reading after the surname.
  assert.equal(koreanReading("金李"), "김리");
});

test("a Han name is read in Japanese to fit the other name, rendaku and long vowels included", () => {
  assert.deepEqual(fitted("山田太郎", "Yamada Taro").at(-1), "yamada taro");
  assert.deepEqual(fitted("山田太郎", "Taro Yamada").at(-1), "yamada taro");
  assert.deepEqual(fitted("大野", "Ohno").at(-1), "ohno");
  assert.ok(score("田中花子", "Tanaka Hanako") > 0.99);
  // Readings must spell the other name exactly: 山田 is not Yamamoto.
  assert.ok(score("山田太郎", "Yamamoto Taro") < 0.5);
  assert.ok(score("山田太郎", "Suzuki Ichiro") < 0.01);
});

test("a Han name meets a Hangul or Latin spelling in its Korean reading", () => {
  assert.ok(score("金正恩", "Kim Jong Un") > 0.99);
  assert.ok(score("金正恩", "김정은") > 0.99);
  assert.ok(score("金正恩", "Kim Jong Nam") < 0.8);
  // Two Han names still compare by character.
  assert.ok(score("金正恩", "金正日") < 0.8);
});

test("a katakana foreign name fits its Latin spelling, missing patronymic and all", () => {
  assert.deepEqual(fitted("ウラジーミル・プーチン", "Vladimir Vladimirovich Putin"), ["vladimir putin"]);
  assert.ok(score("ウラジーミル・プーチン", "Vladimir Putin") > 0.99);
  assert.ok(score("ウラジーミル・プーチン", "Vladimir Petrov") < 0.01);
  assert.ok(score("ジョン・スミス", "John Smith") > 0.9);
});

test("readings for the index need no other name; Latin names have none", () => {
  assert.deepEqual(
    searchReadings("金正恩")[0]?.tokens.map((t) => t.text),
    ["gim", "jeong", "eun"],
  );
  assert.deepEqual(
    searchReadings("プーチン")[0]?.tokens.map((t) => t.text),
    ["putin"],
  );
  assert.deepEqual(searchReadings("Vladimir Putin"), []);
  assert.equal(analyzeName("Vladimir Putin").readAgainst, undefined);
});

test("a Chinese transcription of a foreign name fits the Latin spelling it transcribes", () => {
  assert.ok(score("弗拉基米尔·普京", "Vladimir Putin") > 0.9);
  assert.ok(score("贝拉克·奥巴马", "Barack Obama") > 0.9);
  assert.ok(score("弗拉基米尔·普京", "Vladimir Petrov") < 0.01);
  assert.ok(score("贝拉克·奥巴马", "Barack Hussein") < 0.01);
  // Only names written with an interpunct are read as transcriptions.
  assert.ok(score("普京", "Putin") < 0.5);
});

test("a Wade–Giles name fits its Pinyin spelling; other Latin names are not read so", () => {
  assert.ok(score("Mao Tse-tung", "Mao Zedong") > 0.99);
  assert.ok(score("Teng Hsiao-p'ing", "Deng Xiaoping") > 0.99);
  assert.ok(score("Mao Tse-tung", "Mao Zemin") < 0.01);
  assert.equal(analyzeName("Hans Jung").readAgainst, undefined);
  assert.equal(analyzeName("Li Peng").readAgainst, undefined);
});
