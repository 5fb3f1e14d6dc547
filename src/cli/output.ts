/**
 * How every command prints: with --json, one JSON object (single result) or JSON Lines (lists); without it,
 * readable tables. Data goes to stdout, messages and progress to stderr.
 */
export interface OutputOptions {
  json?: boolean;
}

export function printJson(value: unknown): void {
  process.stdout.write(`${JSON.stringify(value)}\n`);
}

export function printJsonLines(values: Iterable<unknown>): void {
  for (const value of values) process.stdout.write(`${JSON.stringify(value)}\n`);
}

/** A plain-text table with padded columns; long cells are cut so rows stay on one line. */
export function printTable(rows: Record<string, unknown>[], columns?: string[], maxWidth = 60): void {
  const cols = columns ?? Object.keys(rows[0] ?? {});
  if (rows.length === 0) {
    process.stdout.write("(none)\n");
    return;
  }
  const cell = (value: unknown): string => {
    const text =
      value === undefined || value === null ? "" : Array.isArray(value) ? value.join("; ") : String(value);
    return text.length > maxWidth ? `${text.slice(0, maxWidth - 1)}…` : text;
  };
  const cells = rows.map((row) => cols.map((c) => cell(row[c])));
  const widths = cols.map((c, i) => Math.max(c.length, ...cells.map((r) => r[i]?.length ?? 0)));
  const line = (values: string[]) =>
    values
      .map((v, i) => v.padEnd(widths[i] ?? 0))
      .join("  ")
      .trimEnd();
  process.stdout.write(`${line(cols)}\n${line(widths.map((w) => "-".repeat(w)))}\n`);
  for (const r of cells) process.stdout.write(`${line(r)}\n`);
}

/** Prints one result: JSON with --json, otherwise `key: value` lines. */
export function printRecord(value: Record<string, unknown>, options: OutputOptions): void {
  if (options.json) {
    printJson(value);
    return;
  }
  const width = Math.max(...Object.keys(value).map((k) => k.length));
  for (const [key, v] of Object.entries(value)) {
    const text = typeof v === "object" && v !== null ? JSON.stringify(v) : String(v ?? "");
    process.stdout.write(`${key.padEnd(width)}  ${text}\n`);
  }
}

/** Prints a list: JSON Lines with --json, otherwise a table. */
export function printList(rows: Record<string, unknown>[], options: OutputOptions, columns?: string[]): void {
  if (options.json) {
    printJsonLines(rows);
    return;
  }
  printTable(rows, columns);
}
