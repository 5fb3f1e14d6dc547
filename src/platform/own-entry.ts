/**
 * A lookup table's own entry for a key that comes from outside (a name word, a file's field), never one
 * of Object.prototype's: "constructor" is a word in company names.
 */
export const ownEntry = <V>(table: Readonly<Record<string, V>>, key: string): V | undefined =>
  Object.hasOwn(table, key) ? table[key] : undefined;
