import type { NameForm, NameToken } from "./names.ts";

/**
 * Blocking keys: the cheap keys under which the index files a name so a query finds its candidates
 * without comparing against everything. A token is filed under its variant-class key, its consonant
 * skeleton, its Double Metaphone code and (from four letters) its one-letter deletions, which catch any
 * single typo or transposition on either side ("symmetric delete"). Adjacent tokens are also filed joined,
 * so "Abdul Hai" meets "Abdulhai".
 */
export type KeyKind = "t" | "s" | "k" | "p" | "d";

function tokenKeys(token: NameToken, into: Set<string>, initialsOnly = false): void {
  if (token.initial && !initialsOnly) return;
  if (token.tail) tokenKeys(token.tail, into);
  into.add(`t:${token.key}`);
  if (token.numeric) return;
  const sk = token.skeleton;
  if (sk.length >= 2) into.add(`s:${sk}`);
  // One consonant more or less (a letter Arabic writes that English drops, or the reverse).
  if (sk.length >= 3) for (let i = 0; i < sk.length; i++) into.add(`k:${sk.slice(0, i)}${sk.slice(i + 1)}`);
  if (token.phonetic[0]) into.add(`p:${token.phonetic[0]}`);
  const text = token.text;
  if (text.length >= 4) {
    into.add(`d:${text}`);
    for (let i = 0; i < text.length; i++) into.add(`d:${text.slice(0, i)}${text.slice(i + 1)}`);
  }
}

/** Keys of one name, grouped per token (joined neighbours count as one more group). */
export function nameKeyGroups(form: NameForm): Set<string>[] {
  const groups: Set<string>[] = [];
  const tokens = form.tokens;
  // A name of initials only ("J. C.") is still filed under them.
  const initialsOnly = tokens.every((t) => t.initial);
  for (const token of tokens) {
    const keys = new Set<string>();
    tokenKeys(token, keys, initialsOnly);
    if (keys.size > 0) groups.push(keys);
  }
  for (let i = 0; i + 1 < tokens.length; i++) {
    const [a, b] = [tokens[i], tokens[i + 1]];
    if (!a || !b || a.initial || b.initial) continue;
    groups.push(new Set([`t:${a.text}${b.text}`]));
  }
  return groups;
}
