import { badInput } from "../platform/errors.ts";

/** A user-given date or time as an ISO 8601 instant, or bad input naming the field. */
export function isoInstant(value: string, where: string): string {
  const time = Date.parse(value);
  if (Number.isNaN(time)) throw badInput(`not a date: "${value}"`, where);
  return new Date(time).toISOString();
}
