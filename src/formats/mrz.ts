/**
 * Machine readable zones of travel documents (ICAO Doc 9303): TD1 and TD2 cards, TD3 passports, MRV-A and
 * MRV-B visas, read with the `mrz` package. A failing check digit does not reject the document — at a
 * border it is evidence (a misread, or an altered document), so it is reported in `checks` and `warnings`.
 * Text that is no MRZ at all (wrong line count, length or characters) is bad input.
 */
import { type Details, parse as parseMrz } from "mrz";
import { badInput } from "../platform/errors.ts";
import { readYearFirst } from "./travel-dates.ts";

export type MrzFormat = "TD1" | "TD2" | "TD3" | "MRV-A" | "MRV-B";

export type MrzCheckedField = "documentNumber" | "birthDate" | "expiryDate" | "optionalData" | "composite";

export interface MrzResult {
  format: MrzFormat;
  /** `P`, `PO`, `I`, `ID`, `V`, … without filler. */
  documentCode: string;
  documentNumber: string;
  surname: string;
  givenNames: string;
  /** As printed: ICAO alpha-3 (`UTO`, `CHE`) or Germany's `D`. */
  nationality: string;
  issuingState: string;
  birthDate?: string;
  /** `M`, `F`, or `X` for unspecified (`<` or `X` on the document). */
  sex?: "M" | "F" | "X";
  expiryDate?: string;
  /** Optional data fields (TD1 has two, TD3 the personal number), without filler; empty ones left out. */
  optionalData: string[];
  checks: { field: MrzCheckedField; valid: boolean }[];
  warnings: string[];
}

/** Line length and line count of each layout. */
const LAYOUTS: { format: MrzFormat; lines: number; length: number; visa: boolean }[] = [
  { format: "TD1", lines: 3, length: 30, visa: false },
  { format: "TD2", lines: 2, length: 36, visa: false },
  { format: "TD3", lines: 2, length: 44, visa: false },
  { format: "MRV-B", lines: 2, length: 36, visa: true },
  { format: "MRV-A", lines: 2, length: 44, visa: true },
];

const CHECKED: Record<string, MrzCheckedField> = {
  documentNumberCheckDigit: "documentNumber",
  birthDateCheckDigit: "birthDate",
  expirationDateCheckDigit: "expiryDate",
  personalNumberCheckDigit: "optionalData",
  compositeCheckDigit: "composite",
};

/** Where fields sit on the second line (TD1: second of three) for the raw reads the package does not give. */
const POSITIONS = {
  TD1: { nationality: 15, sex: 7, birth: 0, expiry: 8 },
  other: { nationality: 10, sex: 20, birth: 13, expiry: 21 },
};

const LENGTHS = "30 (TD1), 36 (TD2, MRV-B) or 44 (TD3, MRV-A)";

function layoutOf(lines: string[]): (typeof LAYOUTS)[number] {
  if (lines.length !== 2 && lines.length !== 3) {
    throw badInput(`an MRZ has 2 or 3 lines, got ${lines.length}`, "MRZ");
  }
  for (const [i, line] of lines.entries()) {
    const bad = /[^A-Z0-9<]/.exec(line);
    if (bad) {
      throw badInput(
        `character "${bad[0]}" at column ${bad.index + 1} is not in the MRZ alphabet (A-Z, 0-9, <)`,
        `MRZ line ${i + 1}`,
      );
    }
    if (line.length !== (lines[0] ?? "").length || ![30, 36, 44].includes(line.length)) {
      throw badInput(
        `${line.length} characters; MRZ lines have ${LENGTHS}, all of one length`,
        `MRZ line ${i + 1}`,
      );
    }
  }
  const first = lines[0] ?? "";
  if (!/^[A-Z]/.test(first)) throw badInput("a document code letter must open the MRZ", "MRZ line 1");
  const visa = first.startsWith("V");
  const layout = LAYOUTS.find(
    (l) => l.lines === lines.length && l.length === first.length && l.visa === visa,
  );
  if (!layout) {
    throw badInput(`${lines.length} lines of ${first.length} characters match no MRZ layout`, "MRZ line 1");
  }
  return layout;
}

const strip = (text: string) => text.replace(/</g, " ").trim().replace(/\s+/g, " ");

/**
 * Reads an MRZ. `today` anchors two-digit years: a birth date is the latest one not after today; an expiry
 * date lies within 50 years of today.
 */
export function readMrz(input: string[], today: Date = new Date()): MrzResult {
  const lines = input.map((line) => line.trim()).filter((line) => line !== "");
  const layout = layoutOf(lines);
  const { details, fields, format } = parseMrz(lines);
  if (format !== "TD1" && format !== "TD2" && format !== "TD3") {
    // The package takes a 36-character MRZ with digits late on line 1 (or IDFRA…) for the old French card.
    throw badInput(`read as a ${format}, which is not an ICAO 9303 layout`, "MRZ line 1");
  }
  const first = lines[0] ?? "";
  const data = lines[1] ?? ""; // the line with dates, sex and nationality in every layout
  const at = layout.format === "TD1" ? POSITIONS.TD1 : POSITIONS.other;
  const year = today.getUTCFullYear();
  const warnings: string[] = [];
  // The package reads visas as passports (MRV-A) or cards (MRV-B); visas carry no personal-number or
  // composite check digit, so those checks do not apply.
  const checks = details
    .filter((d): d is Details & { field: string } => d.field !== null && d.field in CHECKED)
    .filter(
      (d) => !(layout.visa && (d.field === "compositeCheckDigit" || d.field === "personalNumberCheckDigit")),
    )
    .map((d) => ({ field: CHECKED[d.field] as MrzCheckedField, valid: d.valid }));
  for (const check of checks) {
    if (!check.valid) warnings.push(`possibly misread or altered document: ${check.field} check digit fails`);
  }
  const date = (field: "birthDate" | "expiryDate", start: number, century: "past" | "near") => {
    const text = data.slice(start, start + 6);
    const iso = readYearFirst(text, year, century);
    if (iso === undefined) warnings.push(`possibly misread document: ${field} "${text}" is not a date`);
    return iso;
  };
  const sex = data[at.sex];
  if (sex !== "M" && sex !== "F" && sex !== "<" && sex !== "X") {
    warnings.push(`possibly misread document: sex "${sex ?? ""}" is not M, F, X or <`);
  }
  const name = readName(layout.format, lines, fields, warnings);
  return {
    format: layout.format,
    documentCode: strip(first.slice(0, 2)),
    documentNumber:
      fields.documentNumber ?? strip(layout.format === "TD1" ? first.slice(5, 14) : data.slice(0, 9)),
    ...name,
    nationality: strip(data.slice(at.nationality, at.nationality + 3)),
    issuingState: strip(first.slice(2, 5)),
    birthDate: date("birthDate", at.birth, "past"),
    sex: sex === "M" || sex === "F" ? sex : sex === "<" || sex === "X" ? "X" : undefined,
    expiryDate: date("expiryDate", at.expiry, "near"),
    optionalData: optionalData(layout.format, lines, fields),
    checks,
    warnings,
  };
}

function optionalData(
  format: MrzFormat,
  lines: string[],
  fields: Record<string, string | null | undefined>,
): string[] {
  const data = lines[1] ?? "";
  const values =
    format === "TD1"
      ? [fields.optional1, fields.optional2]
      : format === "TD2"
        ? [fields.optional]
        : format === "TD3"
          ? [fields.personalNumber]
          : [strip(data.slice(28))];
  return values.map((v) => strip(v ?? "")).filter((v) => v !== "");
}

/** The package's name reading, or — when it refuses (digits from a misread) — the raw name with a warning. */
function readName(
  format: MrzFormat,
  lines: string[],
  fields: Record<string, string | null | undefined>,
  warnings: string[],
): { surname: string; givenNames: string } {
  if (typeof fields.lastName === "string" && typeof fields.firstName === "string") {
    return { surname: fields.lastName, givenNames: fields.firstName };
  }
  const zone = format === "TD1" ? (lines[2] ?? "") : (lines[0] ?? "").slice(5);
  const [surname = "", ...given] = zone.split("<<");
  warnings.push("possibly misread document: the name holds characters other than letters");
  return { surname: strip(surname), givenNames: strip(given.join(" ")) };
}
