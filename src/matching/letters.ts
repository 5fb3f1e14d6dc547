/**
 * Letters as numbers, for token checks that should not read a token's text: the set of its letters and the
 * sound class of its first one.
 */

// Consonants the romanisations of one sound share; substituting within a group is cheap (compare/tokens.ts).
const GROUPS = ["kqcg", "sz", "td", "bp", "vwf", "jy", "hx"];
const GROUP_OF = new Map<string, number>();
GROUPS.forEach((group, i) => {
  for (const ch of group) GROUP_OF.set(ch, i);
});

export function sameGroup(a: string, b: string): boolean {
  const g = GROUP_OF.get(a);
  return g !== undefined && g === GROUP_OF.get(b);
}

/** The letters a–z a text has, one bit each (other characters are left out). */
export function letterSet(text: string): number {
  let set = 0;
  for (let i = 0; i < text.length; i++) {
    const at = text.charCodeAt(i) - 97;
    if (at >= 0 && at < 26) set |= 1 << at;
  }
  return set;
}

/** The bits of j and y: a semivowel read as i (Sergej, Sergey) can close any gap these two leave. */
export const J_OR_Y = letterSet("jy");

/**
 * The first letter's class: equal for equal letters and for letters of one consonant group, different
 * otherwise.
 */
export function firstLetterClass(text: string): number {
  const first = text[0] ?? "";
  const group = GROUP_OF.get(first);
  return group === undefined ? 100 + (text.charCodeAt(0) || 0) : group;
}

/** How many letters one set has that the other has not. */
export function lettersMissing(from: number, other: number): number {
  let missing = from & ~other;
  let count = 0;
  while (missing !== 0) {
    missing &= missing - 1;
    count++;
  }
  return count;
}
