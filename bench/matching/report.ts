/**
 * Tables and files of the matching benchmark: the same Markdown tables are printed to the console and
 * written into the "## Matching" section of docs/benchmarks.md; the raw figures go to
 * bench/results/matching.json.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";

export interface Table {
  title: string;
  columns: string[];
  rows: string[][];
  /** Printed under the table: what the figures mean and how they were obtained. */
  notes?: string[];
}

/** What one benchmark section hands back: tables for people, data for the JSON file. */
export interface SectionResult {
  id: string;
  title: string;
  tables: Table[];
  data: unknown;
}

export function fixed(value: number | undefined, digits = 3): string {
  return value === undefined || Number.isNaN(value) ? "—" : value.toFixed(digits);
}

/** A share as a percentage with its count, e.g. `0.4% (4/1000)`. */
export function share(count: number, total: number): string {
  return total === 0 ? "—" : `${((100 * count) / total).toFixed(1)}% (${count}/${total})`;
}

/** Han, kana, Hangul and full-width forms take two columns in a terminal (and in Biome's Markdown tables). */
const WIDE =
  /[\u1100-\u115F\u2E80-\u303E\u3041-\u33FF\u3400-\u4DBF\u4E00-\u9FFF\uA960-\uA97F\uAC00-\uD7A3\uF900-\uFAFF\uFE30-\uFE4F\uFF00-\uFF60\uFFE0-\uFFE6]/u;

function displayWidth(text: string): number {
  let width = 0;
  for (const char of text) width += WIDE.test(char) ? 2 : 1;
  return width;
}

const pad = (text: string, width: number) => text + " ".repeat(Math.max(0, width - displayWidth(text)));

/** A Markdown table whose columns are padded, so it also reads well in a terminal. */
export function renderTable(table: Table): string {
  const cells = [table.columns, ...table.rows].map((row) => row.map((c) => c.replaceAll("|", "\\|")));
  const widths = table.columns.map((_, i) => Math.max(3, ...cells.map((row) => displayWidth(row[i] ?? ""))));
  const line = (row: string[]) => `| ${widths.map((w, i) => pad(row[i] ?? "", w)).join(" | ")} |`;
  const [head, ...body] = cells;
  const rule = `| ${widths.map((w) => "-".repeat(w)).join(" | ")} |`;
  const notes = (table.notes ?? []).map((n) => `\n${n}`).join("\n");
  return [`**${table.title}**`, "", line(head ?? []), rule, ...body.map(line), notes].join("\n").trimEnd();
}

export function renderSection(section: SectionResult): string {
  return [`### ${section.title}`, ...section.tables.map(renderTable)].join("\n\n");
}

/**
 * Replaces the level-2 section starting with `heading` (up to the next level-2 heading) with `body`, or
 * appends it when the document has no such section; other sections are left exactly as they were.
 */
export function replaceSection(document: string, heading: string, body: string): string {
  const lines = document.split("\n");
  const start = lines.findIndex((l) => l.trimEnd() === heading);
  const section = `${heading}\n\n${body.trim()}\n`;
  if (start < 0) return `${document.trimEnd()}\n\n${section}`;
  let end = lines.findIndex((l, i) => i > start && /^## /.test(l));
  if (end < 0) end = lines.length;
  const before = lines.slice(0, start).join("\n");
  const after = lines.slice(end).join("\n");
  return `${before}${before ? "\n" : ""}${section}${after ? `\n${after}` : ""}`;
}

export function writeDocsSection(path: string, heading: string, body: string): void {
  const current = existsSync(path) ? readFileSync(path, "utf8") : "# Benchmarks\n";
  writeFileSync(path, replaceSection(current, heading, body));
}

export function writeJson(path: string, value: unknown): void {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, `${JSON.stringify(value, null, 2)}\n`);
}
