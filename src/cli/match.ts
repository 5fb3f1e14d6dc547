import { readFileSync, writeFileSync } from "node:fs";
import type { Command } from "commander";
import { readCsvRecords } from "../formats/csv.ts";
import { readListFile } from "../formats/lists.ts";
import { MatchIndex } from "../matching/index.ts";
import { profileFromEntities } from "../matching/profile.ts";
import { parseQuery, parseQueryLines } from "../matching/query.ts";
import { DEFAULT_ALERT_THRESHOLD, scorePair } from "../matching/score.ts";
import type { MatchProfile, MatchQuery, MatchResult } from "../matching/types.ts";
import { badInput } from "../platform/errors.ts";
import { loadActiveEntities } from "../registry/live-index.ts";
import { printJson, printTable } from "./output.ts";
import { withStore } from "./store.ts";

interface MatchOptions {
  queries?: string;
  list: string[];
  top: string;
  out?: string;
  name?: string;
  schema?: string;
  dob?: string;
  nationality?: string;
  gender?: string;
  doc?: string;
  docCountry?: string;
  json?: boolean;
}

const collect = (value: string, previous: string[]) => [...previous, value];

export function registerMatchCommands(program: Command): void {
  program
    .command("match")
    .description("screen names against lists (--list, in memory) or the registry")
    .option("--queries <file>", "JSON Lines of queries, one result line per query")
    .option("--list <file>", "UN XML, OFAC CSV (file or folder) or FtM JSON Lines; repeatable", collect, [])
    .option("--top <k>", "matches per query", "5")
    .option("--out <file>", "write results here instead of standard output")
    .option("--name <name>", "one query: the name")
    .option("--schema <schema>", "one query: FtM schema (default Person)")
    .option("--dob <date>", "one query: birth date YYYY-MM-DD, YYYY-MM or YYYY")
    .option("--nationality <country>", "one query: nationality (code or name)")
    .option("--gender <gender>", "one query: male or female")
    .option("--doc <number>", "one query: document number")
    .option("--doc-country <country>", "one query: document issuing country")
    .option("--json", "one query: print the result as JSON")
    .action(async (options: MatchOptions) => {
      const top = Number(options.top);
      if (!Number.isInteger(top) || top < 1)
        throw badInput(`--top must be a positive integer, got "${options.top}"`, "--top");
      if (Boolean(options.queries) === Boolean(options.name))
        throw badInput("give either --queries FILE or --name NAME", "match");
      const queries = options.queries
        ? parseQueryLines(readFileSync(options.queries, "utf8"), options.queries)
        : [singleQuery(options)];
      const index = new MatchIndex(await loadProfiles(options.list));
      const results = queries.map((query) => ({ id: query.id, matches: index.search(query, top) }));
      if (options.queries) {
        const text = results.map((r) => JSON.stringify(r)).join("\n") + (results.length ? "\n" : "");
        if (options.out) writeFileSync(options.out, text);
        else process.stdout.write(text);
        return;
      }
      const result = results[0] ?? { id: "q1", matches: [] };
      if (options.json) printJson(result);
      else printExplained(result.matches);
    });

  program
    .command("match-pairs")
    .description("score name pairs from a CSV (columns name1,name2[,schema]); adds score and alert")
    .requiredOption("--in <file>", "CSV with a header row")
    .option("--out <file>", "write the scored CSV here instead of standard output")
    .action((options: { in: string; out?: string }) => {
      const text = scorePairsCsv(readFileSync(options.in, "utf8"), options.in);
      if (options.out) writeFileSync(options.out, text);
      else process.stdout.write(text);
    });
}

function singleQuery(options: MatchOptions): MatchQuery {
  const raw: Record<string, string | undefined> = {
    id: "q1",
    name: options.name,
    schema: options.schema,
    birthDate: options.dob,
    nationality: options.nationality,
    gender: options.gender,
    documentNumber: options.doc,
    documentCountry: options.docCountry,
  };
  return parseQuery(Object.fromEntries(Object.entries(raw).filter(([, v]) => v !== undefined)), "options");
}

/** Profiles from list files (no database), or from the registry's active entities. */
async function loadProfiles(lists: string[]): Promise<MatchProfile[]> {
  if (lists.length > 0) return profileFromEntities(lists.flatMap((path) => readListFile(path).entities));
  return profileFromEntities(await withStore((store) => loadActiveEntities(store.db)));
}

function printExplained(matches: MatchResult[]): void {
  printTable(
    matches.map((m, i) => ({
      rank: i + 1,
      score: m.score.toFixed(3),
      alert: m.alert ? "ALERT" : "",
      listRef: m.listRef ?? "",
      caption: m.caption,
      entityId: m.entityId,
    })),
  );
  const best = matches[0];
  if (!best) return;
  process.stdout.write(`\nwhy #1 scores ${best.score.toFixed(3)} (alert at ${DEFAULT_ALERT_THRESHOLD}):\n`);
  printTable(
    best.explanation.map((e) => ({ feature: e.feature, weight: e.weight.toFixed(2), detail: e.detail })),
    ["feature", "weight", "detail"],
    100,
  );
}

/** One CSV field, quoted when it holds a comma, quote or line break (RFC 4180). */
function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

/** Scores every row of a name1,name2[,schema] CSV; all rows are checked before anything is written. */
export function scorePairsCsv(text: string, file: string): string {
  const [header, ...rows] = readCsvRecords(text, file);
  if (!header) throw badInput("empty CSV", file);
  const columns = header.fields.map((f) => f.trim());
  const at = (name: string) => columns.indexOf(name);
  for (const required of ["name1", "name2"]) {
    if (at(required) < 0) throw badInput(`missing column ${required}`, `${file}:${header.line}`);
  }
  const lines = [[...header.fields, "score", "alert"].map(csvField).join(",")];
  for (const row of rows) {
    if (row.fields.length !== columns.length) {
      throw badInput(`expected ${columns.length} fields, found ${row.fields.length}`, `${file}:${row.line}`);
    }
    const name1 = row.fields[at("name1")]?.trim() ?? "";
    const name2 = row.fields[at("name2")]?.trim() ?? "";
    if (!name1 || !name2) throw badInput("name1 and name2 must not be empty", `${file}:${row.line}`);
    const schema = (at("schema") >= 0 ? row.fields[at("schema")]?.trim() : "") || "Person";
    const profile: MatchProfile = {
      entityId: "name2",
      caption: name2,
      schema,
      names: [name2],
      birthDates: [],
      nationalities: [],
      genders: [],
      birthPlaces: [],
      documents: [],
    };
    const { score } = scorePair({ name: name1, schema }, profile);
    lines.push(
      [...row.fields, score.toFixed(4), String(score >= DEFAULT_ALERT_THRESHOLD)].map(csvField).join(","),
    );
  }
  return `${lines.join("\n")}\n`;
}
