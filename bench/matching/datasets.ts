/**
 * Readers for the public matching test data in ../shared/data (see its PROVENANCE.md). They only parse;
 * which rows count as what is decided by the sections that use them.
 */
import { readFileSync } from "node:fs";
import { parse } from "csv-parse/sync";
import type { MatchQuery } from "../../src/matching/types.ts";
import { dataPath } from "../../test/support/data.ts";

export const UN_LIST = "watchlists/un/un_sc_consolidated_list_2026-02-27.xml";
export const OFAC_LIST = "watchlists/ofac";

type Row = Record<string, string>;

function readCsv(relative: string): Row[] {
  return parse(readFileSync(dataPath(relative), "utf8"), { columns: true, skip_empty_lines: true }) as Row[];
}

function readLines(relative: string): string[] {
  return readFileSync(dataPath(relative), "utf8")
    .split("\n")
    .map((line) => line.trim())
    .filter((line) => line !== "");
}

/** One labelled pair of nomenklatura's name benchmark. */
export interface NamePair {
  group: string;
  schema: string;
  name1: string;
  name2: string;
  match: boolean;
  quality: string;
  category: string;
}

/** The key the outside check uses to line up a pair with logic-v2's frozen verdict. */
export function pairKey(p: { group: string; schema: string; name1: string; name2: string }): string {
  return `${p.group}|${p.schema}|${p.name1}|${p.name2}`;
}

export function loadNameBench(): NamePair[] {
  return readCsv("name-matching/nomenklatura_name_bench_cases.csv").map((r) => ({
    group: r.case_group ?? "",
    schema: r.schema || "Person",
    name1: r.name1 ?? "",
    name2: r.name2 ?? "",
    match: r.is_match === "true",
    quality: r.quality ?? "",
    category: r.category ?? "",
  }));
}

/** logic-v2's frozen score, verdict (at its 0.70 threshold) and label, keyed as `pairKey`. */
export interface LogicV2Verdict {
  key: string;
  score: number;
  predicted: boolean;
  label: boolean;
}

export function loadLogicV2(): LogicV2Verdict[] {
  return readCsv("name-matching/nomenklatura_logicv2_frozen_scores.csv").map((r) => ({
    key: pairKey({
      group: r.case_group ?? "",
      schema: r.schema ?? "",
      name1: r.name1 ?? "",
      name2: r.name2 ?? "",
    }),
    score: Number(r.score),
    predicted: r.predicted_match === "true",
    label: r.is_match === "true",
  }));
}

/** A yente fixture row as a screening query (the same fields the outside check sends). */
function queryFromRow(id: string, r: Row): MatchQuery {
  const q: MatchQuery = { id, schema: "Person", name: r.full_name ?? "" };
  if (r.date_of_birth) q.birthDate = r.date_of_birth;
  if (r.nationality) q.nationality = r.nationality;
  if (r.gender) q.gender = r.gender;
  return q;
}

/** yente's treated UN positives, each beside the untreated (listed) name on the same line. */
export function loadUnPositives(): { query: MatchQuery; listedName: string }[] {
  const treated = readCsv("name-matching/yente_positives_un_treated.csv");
  const untreated = readCsv("name-matching/yente_positives_un_untreated.csv");
  return treated.map((row, i) => ({
    query: queryFromRow(`t${i + 1}`, row),
    listedName: untreated[i]?.full_name ?? "",
  }));
}

/** yente's 1,000 synthetic people who are on no list. */
export function loadNegatives(): MatchQuery[] {
  return readCsv("name-matching/yente_negatives_global_1000.csv").map((row, i) =>
    queryFromRow(`g${i + 1}`, row),
  );
}

/** Arabic-script names with their English romanisation (google/transliteration test split). */
export function loadArabicToEnglish(): { arabic: string; english: string }[] {
  return readLines("record-linkage/transliteration/google_ar2en_test.tsv").map((line, i) => {
    const [arabic, english] = line.split("\t");
    if (!arabic || !english)
      throw new Error(`google_ar2en_test.tsv:${i + 1}: expected two tab-separated names`);
    return { arabic, english };
  });
}

export interface CrossScriptPair {
  query: string;
  expected: string;
  minScore: number;
  description: string;
}

/** watchman's cross-script pairs; `#` lines are comments. */
export function loadCrossScriptPairs(): CrossScriptPair[] {
  return readLines("name-matching/watchman_cross_script_pairs.csv")
    .filter((line) => !line.startsWith("#"))
    .map((line) => {
      const [query = "", expected = "", minScore = "", description = ""] = line.split(",");
      return { query, expected, minScore: Number(minScore), description };
    });
}

/** Spellings of one listed person in many languages and scripts. */
export function loadPutinVariants(): string[] {
  return readLines("name-matching/nomenklatura_putin_name_variants.txt");
}

/** Absolute paths of the UN and OFAC list files, as `readListFile` takes them. */
export function listPaths(): { un: string; ofac: string } {
  return { un: dataPath(UN_LIST), ofac: dataPath(OFAC_LIST) };
}
