import { analyzeName, type NameToken } from "../matching/names.ts";

/**
 * Where a remittance text may name a registered subject: runs of words that are name tokens some indexed
 * profile carries (the index's own token counts say which), cut into windows of two to four words. Only
 * these windows go to the matching engine as name queries, so a remittance of ordinary words ("invoice 4711
 * rent May") costs one tokenisation and a few map look-ups, and the engine, not this scan, decides and
 * explains a hit. Spelling variants still meet when the varied word is itself a registered token
 * (given-name classes fold Mohammed/Muhammad); a word no profile carries stops a run.
 */
export interface RemittanceWindow {
  /** The window's words, as the matcher normalised them: the query name. */
  text: string;
  /** Word positions in the remittance (0-based, inclusive), for the explanation. */
  from: number;
  to: number;
}

/** How many profiles carry a token key: `MatchIndex.stats.count`. */
export type TokenCount = (key: string) => number;

const MIN_WINDOW = 2;
const MAX_WINDOW = 4;
/** A lone word is only worth a query when the registry holds it rarely and it is long enough to be a name. */
const LONE_WORD_MAX_COUNT = 3;
const LONE_WORD_MIN_LENGTH = 6;

function isRegistered(token: NameToken, count: TokenCount): boolean {
  return !token.initial && !token.numeric && count(token.key) > 0;
}

export function remittanceWindows(remittance: string, count: TokenCount): RemittanceWindow[] {
  const tokens = analyzeName(remittance, "person").tokens;
  const windows: RemittanceWindow[] = [];
  let start = 0;
  while (start < tokens.length) {
    if (!isRegistered(tokens[start] as NameToken, count)) {
      start++;
      continue;
    }
    let end = start;
    while (end + 1 < tokens.length && isRegistered(tokens[end + 1] as NameToken, count)) end++;
    windows.push(...runWindows(tokens, start, end, count));
    start = end + 1;
  }
  return windows;
}

/** The windows of one run: the whole run when short, else every window of two to four words. */
function runWindows(tokens: NameToken[], start: number, end: number, count: TokenCount): RemittanceWindow[] {
  const window = (from: number, to: number): RemittanceWindow => ({
    text: tokens
      .slice(from, to + 1)
      .map((t) => t.text)
      .join(" "),
    from,
    to,
  });
  const length = end - start + 1;
  if (length === 1) {
    const token = tokens[start] as NameToken;
    const lone = token.text.length >= LONE_WORD_MIN_LENGTH && count(token.key) <= LONE_WORD_MAX_COUNT;
    return lone ? [window(start, start)] : [];
  }
  if (length <= MAX_WINDOW) return [window(start, end)];
  const windows: RemittanceWindow[] = [];
  for (let size = MIN_WINDOW; size <= MAX_WINDOW; size++) {
    for (let from = start; from + size - 1 <= end; from++) windows.push(window(from, from + size - 1));
  }
  return windows;
}
