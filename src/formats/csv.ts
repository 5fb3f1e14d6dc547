import { CsvError, parse } from "csv-parse/sync";
import { badInput } from "../platform/errors.ts";

/** One CSV record with the line it ends on (records in the lists here are one line each). */
export interface CsvRecord {
  fields: string[];
  line: number;
}

/** Parses CSV text; a quoting or structure error is bad input at `FILE:LINE` with csv-parse's reason. */
export function readCsvRecords(text: string, file: string, delimiter = ","): CsvRecord[] {
  try {
    const rows = parse(text, {
      delimiter,
      info: true,
      relax_column_count: true, // callers check the count and name the line themselves
      skip_empty_lines: true,
    }) as unknown as { record: string[]; info: { lines: number } }[];
    return rows.map(({ record, info }) => ({ fields: record, line: info.lines }));
  } catch (error) {
    if (error instanceof CsvError) {
      const line = (error as CsvError & { lines?: number }).lines;
      throw badInput(`malformed CSV: ${error.message}`, line ? `${file}:${line}` : file);
    }
    throw error;
  }
}
