import type { NameForm, NameToken } from "./names.ts";

/**
 * Blocking keys: the cheap keys under which the index files a name so a query finds its candidates
 * without comparing against everything. A token is filed under its variant-class key, its consonant
 * skeleton, its Double Metaphone code and (from four letters) its one-letter deletions, which catch any
 * single typo or transposition on either side ("symmetric delete"). Adjacent tokens are also filed joined,
 * so "Abdul Hai" meets "Abdulhai".
 */
export type KeyKind = "t" | "s" | "k" | "p" | "d";

/** Exact keys ("t:") name a token; the others are fuzzy and weigh less. */
export const isExactKey = (key: string): boolean => key.startsWith("t:");

function addTokenKeys(token: NameToken, into: Set<string>, initialsOnly: boolean): void {
  if (token.initial && !initialsOnly) return;
  if (token.tail) addTokenKeys(token.tail, into, false);
  into.add(`t:${token.key}`);
  if (token.numeric) return;
  const sk = token.skeleton;
  if (sk.length >= 2) into.add(`s:${sk}`);
  // One consonant more or less (a letter Arabic writes that English drops, or the reverse): the skeleton
  // and its one-consonant deletions, so a skeleton meets any with one consonant more or less on either side.
  if (sk.length >= 3) into.add(`k:${sk}`);
  if (sk.length >= 3) for (let i = 0; i < sk.length; i++) into.add(`k:${sk.slice(0, i)}${sk.slice(i + 1)}`);
  if (token.phonetic[0]) into.add(`p:${token.phonetic[0]}`);
  const text = token.text;
  if (text.length >= 4) {
    into.add(`d:${text}`);
    for (let i = 0; i < text.length; i++) into.add(`d:${text.slice(0, i)}${text.slice(i + 1)}`);
  }
}

/** The distinct keys of one token (none for an initial, unless the whole name is initials). */
export function tokenKeys(token: NameToken, initialsOnly = false): string[] {
  const into = new Set<string>();
  addTokenKeys(token, into, initialsOnly);
  return [...into];
}

/** The key of two neighbouring tokens written as one. */
export const joinedKey = (a: NameToken, b: NameToken): string => `t:${a.text}${b.text}`;

const isInitial = (token: NameToken) => token.initial;

/**
 * Keys of one name, grouped per token (joined neighbours count as one more group). `keysOf` turns a
 * token's keys into what the caller files (the index caches them per token), `joinedOf` a joined pair's.
 */
export function nameKeyGroups<K>(
  form: NameForm,
  keysOf: (token: NameToken, initialsOnly: boolean) => readonly K[],
  joinedOf: (a: NameToken, b: NameToken) => K | undefined,
): (readonly K[])[] {
  const groups: (readonly K[])[] = [];
  const tokens = form.tokens;
  // A name of initials only ("J. C.") is still filed under them.
  const initialsOnly = tokens.every(isInitial);
  for (const token of tokens) {
    const keys = keysOf(token, initialsOnly);
    if (keys.length > 0) groups.push(keys);
  }
  for (let i = 0; i + 1 < tokens.length; i++) {
    const a = tokens[i];
    const b = tokens[i + 1];
    if (!a || !b || a.initial || b.initial) continue;
    const key = joinedOf(a, b);
    if (key !== undefined) groups.push([key]);
  }
  return groups;
}
