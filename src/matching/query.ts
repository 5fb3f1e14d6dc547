import { z } from "zod";
import { badInput } from "../platform/errors.ts";
import type { MatchQuery } from "./types.ts";

/** The query line format of `ftfx match --queries` and `POST /api/v1/match`. */
const optionalText = z.string().trim().min(1).optional();
const querySchema = z
  .object({
    id: z.union([z.string().min(1), z.number()]).transform(String),
    schema: optionalText,
    name: z.string().trim().min(1, "name is empty"),
    birthDate: z
      .string()
      .trim()
      .regex(/^\d{4}(-\d{1,2}(-\d{1,2})?)?$/, "birthDate must be YYYY-MM-DD, YYYY-MM or YYYY")
      // One-digit months and days ("1969-7-16") are common in exports; pad them.
      .transform((d) => d.replace(/-(\d)(?=-|$)/g, "-0$1"))
      .optional(),
    nationality: optionalText,
    gender: optionalText,
    documentNumber: optionalText,
    documentCountry: optionalText,
    birthPlace: optionalText,
  })
  .strict();

/** Validates one query object; `where` names its place (`FILE:LINE`, a request field). */
export function parseQuery(value: unknown, where: string): MatchQuery {
  const result = querySchema.safeParse(value);
  if (!result.success) {
    const issue = result.error.issues[0];
    const field = issue?.path.join(".") || "query";
    throw badInput(`${field}: ${issue?.message ?? "invalid query"}`, where);
  }
  const query: MatchQuery = { ...result.data };
  for (const key of Object.keys(query) as (keyof MatchQuery)[])
    if (query[key] === undefined) delete query[key];
  return query;
}

/** Parses a JSON Lines file of queries; the first bad line stops everything with `FILE:LINE: reason`. */
export function parseQueryLines(text: string, file: string): MatchQuery[] {
  const queries: MatchQuery[] = [];
  const ids = new Set<string>();
  text.split(/\r?\n/).forEach((line, i) => {
    if (!line.trim()) return;
    const where = `${file}:${i + 1}`;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch (error) {
      throw badInput(`not JSON (${error instanceof Error ? error.message : String(error)})`, where);
    }
    const query = parseQuery(value, where);
    if (ids.has(query.id ?? "")) throw badInput(`duplicate query id "${query.id}"`, where);
    ids.add(query.id ?? "");
    queries.push(query);
  });
  return queries;
}
