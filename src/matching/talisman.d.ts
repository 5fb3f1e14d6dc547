// talisman ships no type declarations; these cover the two functions the matcher uses.
declare module "talisman/phonetics/double-metaphone.js" {
  export default function doubleMetaphone(word: string): [string, string];
}
declare module "talisman/metrics/jaro-winkler.js" {
  export default function jaroWinkler(a: string, b: string): number;
}
