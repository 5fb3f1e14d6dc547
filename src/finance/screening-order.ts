import type { NameForm } from "../matching/names.ts";
import type { TokenCount } from "./remittance-names.ts";

/**
 * Where a name goes in the order a batch screens its distinct parties: its parts from the one most profiles
 * carry to the rarest. Sorted by this, parties that share a common first name or surname are screened one
 * after another, so the index's posting lists and the candidates they share are still in the processor's
 * cache when the next party needs them (the search waits on memory, not on arithmetic). Only speed depends
 * on the order: every search is pure over the index.
 */
export function localityKey(form: NameForm, count: TokenCount): string {
  const parts = form.tokens.map((token) => ({ text: token.text, profiles: count(token.key) }));
  parts.sort((a, b) => b.profiles - a.profiles || compareText(a.text, b.text));
  return parts.map((part) => part.text).join(" ");
}

/** Code-unit order: the same on every machine, unlike localeCompare, and cheap. */
export const compareText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
