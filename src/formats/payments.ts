import { badInput } from "../platform/errors.ts";
import { parseIso20022 } from "./iso20022.ts";
import { parseMt103 } from "./mt103.ts";
import type { Payment } from "./payment-types.ts";
import { type CsvMapping, FIELD_NAME_MAPPING, parsePaymentsCsv } from "./payments-csv.ts";

export type PaymentFormat = "iso20022" | "mt" | "csv";

/** Tells the format from the first characters: XML is ISO 20022, `{1:` is SWIFT FIN, anything else CSV. */
export function detectPaymentFormat(text: string, file: string): PaymentFormat {
  const start = text.replace(/^\uFEFF/, "").trimStart();
  if (start.startsWith("<")) return "iso20022";
  if (/^[$\s]*\{1:/.test(start)) return "mt";
  if (start.startsWith("{") || start.startsWith("[")) {
    throw badInput("not a payment message: expected ISO 20022 XML, SWIFT MT ({1:…) or CSV", file);
  }
  if (!start) throw badInput("empty payment file", file);
  return "csv";
}

/** Any payment message or export as Payments; CSV is read with `csvMapping`, or by field-name headers. */
export function parsePaymentMessage(
  text: string,
  file: string,
  options: { csvMapping?: CsvMapping } = {},
): Payment[] {
  switch (detectPaymentFormat(text, file)) {
    case "iso20022":
      return parseIso20022(text, file);
    case "mt":
      return parseMt103(text, file);
    case "csv":
      return parsePaymentsCsv(text, file, options.csvMapping ?? FIELD_NAME_MAPPING);
  }
}
