/**
 * Real-time screening of one traveller: given as fields (a query at a desk, the HTTP API) or read from a
 * passport's machine readable zone. No flight, so only the watchlist, the document check and redress apply.
 */
import { z } from "zod";
import type { ClearedMatch } from "../alerts/types.ts";
import type { MrzResult } from "../formats/mrz.ts";
import { fullName, type Traveller } from "../formats/travel-types.ts";
import { badInput } from "../platform/errors.ts";
import { type ReportAlert, reportAlert } from "./report.ts";
import type { TravellerResult } from "./screen.ts";

const text = z.string().trim().min(1).max(200);
const travellerFields = z
  .object({
    name: text,
    birthDate: z
      .string()
      .trim()
      .regex(/^\d{4}(-\d{2}(-\d{2})?)?$/, "birthDate must be YYYY-MM-DD, YYYY-MM or YYYY")
      .optional(),
    nationality: text.optional(),
    gender: z.enum(["M", "F", "U", "X", "male", "female"]).optional(),
    documentNumber: text.optional(),
    documentCountry: text.optional(),
  })
  .strict();
export type TravellerFields = z.infer<typeof travellerFields>;

/** Validates traveller fields from a request or the command line; bad input names the field. */
export function parseTravellerFields(value: unknown, where: string): TravellerFields {
  const parsed = travellerFields.safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw badInput(issue?.message ?? "invalid traveller", `${where}.${issue?.path.join(".") ?? ""}`);
  }
  return parsed.data;
}

export function travellerFromFields(fields: TravellerFields): Traveller {
  const traveller: Traveller = {
    ref: "1",
    role: "passenger",
    surname: "",
    givenNames: "",
    fullName: fields.name,
    documents: [],
  };
  if (fields.birthDate) traveller.birthDate = fields.birthDate;
  if (fields.nationality) traveller.nationality = fields.nationality;
  if (fields.gender) traveller.gender = fields.gender.slice(0, 1).toUpperCase();
  if (fields.documentNumber) {
    traveller.documents.push({
      number: fields.documentNumber,
      ...(fields.documentCountry ? { issuingCountry: fields.documentCountry } : {}),
    });
  }
  return traveller;
}

export function travellerFromMrz(mrz: MrzResult): Traveller {
  const traveller: Traveller = {
    ref: "1",
    role: "passenger",
    surname: mrz.surname,
    givenNames: mrz.givenNames,
    fullName: fullName(mrz.givenNames, mrz.surname),
    nationality: mrz.nationality,
    documents: [
      { number: mrz.documentNumber, type: mrz.documentCode.slice(0, 1), issuingCountry: mrz.issuingState },
    ],
  };
  if (mrz.birthDate) traveller.birthDate = mrz.birthDate;
  if (mrz.sex) traveller.gender = mrz.sex;
  if (mrz.expiryDate && traveller.documents[0]) traveller.documents[0].expiry = mrz.expiryDate;
  return traveller;
}

export interface TravellerReport extends Omit<ReportAlert, "alertId"> {
  alert: boolean;
  clearedBefore: ClearedMatch[];
}

export function travellerReport(result: TravellerResult): TravellerReport {
  const { traveller, score, matches, ruleHits } = reportAlert(result);
  return { traveller, alert: result.alert, score, matches, ruleHits, clearedBefore: result.cleared };
}
