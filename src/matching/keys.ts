import doubleMetaphone from "talisman/phonetics/double-metaphone.js";

/**
 * Phonetic keys of one Latin token. The consonant skeleton exists because Arabic and Hebrew script write no
 * short vowels: محمد becomes "mhmd", so "Mohammed" must meet it as "mhmd" too. Consonants that the
 * romanisations render differently (q/k/c, kh/h, sh/ch, z/s, th/t, dh/d, gh/g, dj/j, ph/f, p/b — Arabic has no p;
 * j/g — ج is g in Egyptian Arabic and writes every foreign g; v/f — Arabic writes v with ف) fold to one
 * letter; vowels, and y/w inside a word (long vowels in Arabic), are dropped; doubled letters collapse.
 */
const FOLDS: [RegExp, string][] = [
  [/ph/g, "f"],
  [/c(?=[eiy])/g, "s"],
  [/p/g, "b"],
  [/(tsch|tsh|tch|sch|sh|ch)/g, "x"],
  [/kh/g, "h"],
  [/gh/g, "g"],
  [/dh/g, "d"],
  [/th/g, "t"],
  [/zh/g, "j"],
  [/dj|dzh|dz/g, "j"],
  [/ck|q|c/g, "k"],
  [/z/g, "s"],
  [/j/g, "g"],
  [/v/g, "f"],
  [/x/g, "x"],
];

export function skeleton(token: string): string {
  let s = token;
  for (const [re, to] of FOLDS) s = s.replace(re, to);
  const first = s[0] ?? "";
  const rest = s.slice(1).replace(/[aeiouyw]/g, "");
  const consonants = (/[yw]/.test(first) ? first : "") + rest;
  const body = /[yw]/.test(first) ? consonants : first.replace(/[aeiou]/g, "") + rest;
  // A final h is a written vowel (Arabic ة/ه, Hebrew ה): "Abdullah" = "Abdulla", "משה" = "Moshe".
  return body.replace(/(.)\1+/g, "$1").replace(/(?<=.)h$/, "");
}

/** Double Metaphone's primary and alternate codes; empty for tokens that are not words. */
export function metaphone(token: string): [string, string] {
  if (!/^[a-z]+$/.test(token)) return ["", ""];
  return doubleMetaphone(token);
}
