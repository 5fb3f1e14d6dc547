import { isExactKey, joinedKey, nameKeyGroups, tokenKeys } from "./blocking.ts";
import type { NameForm, NameToken } from "./names.ts";

/**
 * The index's inverted lists. Blocking keys are interned as small numbers, and each token's key numbers
 * are worked out once per distinct token (a registry repeats its tokens: 875,000 tokens, 43,000 distinct
 * in the speed benchmark), so filing a name costs array pushes, not string building and hashing. Lists
 * hold slots in ascending order (slots are only ever appended), so removal is a binary search.
 */
export class Postings {
  private readonly ids = new Map<string, number>();
  private readonly lists: number[][] = [];
  private readonly exact: boolean[] = [];
  /** Key numbers of tokens already filed, by token signature (see `signature`). */
  private readonly byToken = new Map<number, readonly number[]>();
  /** Key numbers of joined neighbours already filed, by the two tokens' ids. */
  private readonly byPair = new Map<number, number>();

  /** The key numbers of a name, grouped as blocking.ts groups them; unknown keys are created. */
  fileGroups(form: NameForm): (readonly number[])[] {
    return nameKeyGroups(form, this.fileToken, this.filePair);
  }

  /** The same for a query: keys nobody filed are left out (and not remembered). */
  lookupGroups(form: NameForm): (readonly number[])[] {
    return nameKeyGroups(form, this.lookupToken, this.lookupPair);
  }

  // The per-token and per-pair steps of the two, made once (not per name: the index files hundreds of thousands).
  private readonly fileToken = (token: NameToken, initialsOnly: boolean) =>
    this.tokenIds(token, initialsOnly);
  private readonly filePair = (a: NameToken, b: NameToken) => {
    const pair = a.id * 2 ** 26 + b.id;
    let id = this.byPair.get(pair);
    if (id === undefined) {
      id = this.intern(joinedKey(a, b));
      this.byPair.set(pair, id);
    }
    return id;
  };
  private readonly lookupToken = (token: NameToken, initialsOnly: boolean) =>
    this.byToken.get(signature(token, initialsOnly)) ?? known(tokenKeys(token, initialsOnly), this.ids);
  private readonly lookupPair = (a: NameToken, b: NameToken) =>
    this.byPair.get(a.id * 2 ** 26 + b.id) ?? this.ids.get(joinedKey(a, b));

  list(id: number): readonly number[] {
    return this.lists[id] ?? [];
  }

  isExact(id: number): boolean {
    return this.exact[id] === true;
  }

  /** Files a name of `slot` under its keys; slots must be filed in ascending order (a key once per slot). */
  file(form: NameForm, slot: number): void {
    for (const group of this.fileGroups(form)) {
      for (const id of group) {
        const list = this.lists[id];
        if (list && list[list.length - 1] !== slot) list.push(slot);
      }
    }
  }

  /** Takes a filed name of `slot` out of its keys' lists. */
  unfile(form: NameForm, slot: number): void {
    for (const group of this.fileGroups(form)) {
      for (const id of group) {
        const list = this.lists[id];
        const at = list ? binarySearch(list, slot) : -1;
        if (at >= 0) list?.splice(at, 1);
      }
    }
  }

  private intern(key: string): number {
    let id = this.ids.get(key);
    if (id === undefined) {
      id = this.lists.length;
      this.ids.set(key, id);
      this.lists.push([]);
      this.exact.push(isExactKey(key));
    }
    return id;
  }

  private tokenIds(token: NameToken, initialsOnly: boolean): readonly number[] {
    const sig = signature(token, initialsOnly);
    let ids = this.byToken.get(sig);
    if (!ids) {
      ids = tokenKeys(token, initialsOnly).map((key) => this.intern(key));
      this.byToken.set(sig, ids);
    }
    return ids;
  }
}

/**
 * What a token's keys depend on, as a number: its text (the interned id; the text fixes class key, skeleton,
 * phonetic code and which tail a token can have), whether it has that tail, whether it is an initial and
 * whether the name is all initials.
 */
function signature(token: NameToken, initialsOnly: boolean): number {
  const initial = token.initial ? (initialsOnly ? 2 : 1) : 0;
  return token.id * 8 + initial * 2 + (token.tail ? 1 : 0);
}

function known(keys: string[], ids: Map<string, number>): number[] {
  const found: number[] = [];
  for (const key of keys) {
    const id = ids.get(key);
    if (id !== undefined) found.push(id);
  }
  return found;
}

function binarySearch(list: readonly number[], value: number): number {
  let lo = 0;
  let hi = list.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const at = list[mid] ?? 0;
    if (at === value) return mid;
    if (at < value) lo = mid + 1;
    else hi = mid - 1;
  }
  return -1;
}
