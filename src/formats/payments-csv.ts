import { parse } from "csv-parse/sync";
import { parse as parseYaml } from "yaml";
import { z } from "zod";
import { badInput } from "../platform/errors.ts";
import { sha256Hex, stableId } from "../platform/ids.ts";
import {
  dropUndefined,
  isBic,
  isCurrencyCode,
  isIsoDate,
  isPartyKind,
  type Party,
  type PartyKind,
  type Payment,
} from "./payment-types.ts";

/**
 * Payments from a CSV export (e.g. an FIU's), one payment per row, read through a column mapping that says
 * which column holds which payment field. The mapping is YAML or JSON:
 *
 *     delimiter: ";"
 *     decimalComma: true        # amounts written 1.234,56
 *     columns:
 *       amount: Betrag
 *       currency: Waehrung
 *       debtor.name: Auftraggeber
 *       debtor.address: [Strasse, Ort]   # list fields may take several columns
 *       creditor.name: Empfaenger
 */
const PARTY_FIELDS = [
  "name",
  "kind",
  "address",
  "country",
  "account",
  "bic",
  "birthDate",
  "identifiers",
] as const;
const PARTY_ROLES = ["debtor", "creditor", "ultimateDebtor", "ultimateCreditor"] as const;
const PAYMENT_FIELDS = [
  "messageRef",
  "endToEndId",
  "uetr",
  "amount",
  "currency",
  "valueDate",
  "createdAt",
  "debtorAgentBic",
  "creditorAgentBic",
  "intermediaryBics",
  "remittance",
  "charges",
] as const;
const LIST_FIELDS = new Set(["address", "identifiers", "intermediaryBics"]);

/** Every field a column may fill, e.g. `amount`, `debtor.name`, `ultimateCreditor.country`. */
export const CSV_TARGETS: readonly string[] = [
  ...PAYMENT_FIELDS,
  ...PARTY_ROLES.flatMap((role) => PARTY_FIELDS.map((field) => `${role}.${field}`)),
];
const REQUIRED_TARGETS = ["amount", "currency", "debtor.name", "creditor.name"];
const LIST_TARGETS = new Set(
  CSV_TARGETS.filter((target) => LIST_FIELDS.has(target.split(".").at(-1) as string)),
);

const mappingSchema = z
  .object({
    delimiter: z.string().length(1).default(","),
    decimalComma: z.boolean().default(false),
    columns: z.record(z.string(), z.union([z.string().min(1), z.array(z.string().min(1)).min(1)])),
  })
  .strict();

export type CsvMapping = z.infer<typeof mappingSchema>;

/** Without a mapping, the header row must use the field names themselves (`amount`, `debtor.name`, …). */
export const FIELD_NAME_MAPPING: CsvMapping = {
  delimiter: ",",
  decimalComma: false,
  columns: Object.fromEntries(CSV_TARGETS.map((target) => [target, target])),
};

/** Reads a mapping file (YAML or JSON); a bad one fails naming the key. */
export function parseCsvMapping(text: string, where: string): CsvMapping {
  let raw: unknown;
  try {
    raw = parseYaml(text);
  } catch (error) {
    throw badInput(`column mapping is not YAML or JSON: ${(error as Error).message}`, where);
  }
  const result = mappingSchema.safeParse(raw);
  if (!result.success) {
    const issue = result.error.issues[0];
    throw badInput(`column mapping ${issue?.path.join(".") || "(top level)"}: ${issue?.message}`, where);
  }
  for (const target of Object.keys(result.data.columns)) {
    if (!CSV_TARGETS.includes(target)) {
      throw badInput(
        `column mapping columns.${target}: not a payment field (${CSV_TARGETS.join(", ")})`,
        where,
      );
    }
  }
  for (const target of REQUIRED_TARGETS) {
    if (!result.data.columns[target]) throw badInput(`column mapping must map ${target}`, where);
  }
  return result.data;
}

export function parsePaymentsCsv(
  text: string,
  file: string,
  mapping: CsvMapping = FIELD_NAME_MAPPING,
): Payment[] {
  const rows = readRows(text, file, mapping.delimiter);
  const header = rows.shift();
  if (!header) throw badInput("CSV has no header row", file);
  const columns = columnIndexes(header.cells, mapping, file);
  const digest = sha256Hex(text);
  return rows.map((row, index) => {
    const reader = new RowReader(row.cells, columns, `${file}:${row.line}`, mapping.decimalComma);
    return reader.payment(stableId("pay", digest, String(index)));
  });
}

interface Row {
  cells: string[];
  line: number;
}

function readRows(text: string, file: string, delimiter: string): Row[] {
  try {
    const records = parse(text, {
      delimiter,
      bom: true,
      skip_empty_lines: true,
      trim: true,
      info: true,
    }) as unknown as {
      record: string[];
      info: { lines: number };
    }[];
    return records.map(({ record, info }) => ({ cells: record, line: info.lines }));
  } catch (error) {
    const line = (error as { lines?: number }).lines;
    throw badInput(`not valid CSV: ${(error as Error).message}`, line ? `${file}:${line}` : file);
  }
}

/** Target field → column indexes. A mapped column missing from the header is an error (a typo, usually). */
function columnIndexes(header: string[], mapping: CsvMapping, file: string): Map<string, number[]> {
  const byName = new Map(header.map((name, index) => [name, index]));
  const lenient = mapping === FIELD_NAME_MAPPING;
  const indexes = new Map<string, number[]>();
  for (const [target, names] of Object.entries(mapping.columns)) {
    const found: number[] = [];
    for (const name of typeof names === "string" ? [names] : names) {
      const index = byName.get(name);
      if (index !== undefined) found.push(index);
      else if (!lenient) throw badInput(`column "${name}" (for ${target}) is not in the header`, `${file}:1`);
    }
    if (found.length > 0) indexes.set(target, found);
  }
  for (const target of REQUIRED_TARGETS) {
    if (!indexes.has(target)) throw badInput(`no column for ${target} in the header`, `${file}:1`);
  }
  return indexes;
}

class RowReader {
  constructor(
    private readonly cells: string[],
    private readonly columns: Map<string, number[]>,
    private readonly where: string,
    private readonly decimalComma: boolean,
  ) {}

  payment(id: string): Payment {
    const list = (target: string) => this.values(target);
    const intermediaryBics = list("intermediaryBics").map((bic) => this.bic(bic, "intermediaryBics"));
    return dropUndefined({
      id,
      messageType: "csv" as const,
      messageRef: this.value("messageRef"),
      endToEndId: this.value("endToEndId"),
      uetr: this.value("uetr"),
      amount: this.amount(),
      currency: this.currency(),
      valueDate: this.date("valueDate"),
      createdAt: this.timestamp("createdAt"),
      debtor: this.party("debtor") as Party,
      creditor: this.party("creditor") as Party,
      ultimateDebtor: this.party("ultimateDebtor"),
      ultimateCreditor: this.party("ultimateCreditor"),
      debtorAgentBic: this.optionalBic("debtorAgentBic"),
      creditorAgentBic: this.optionalBic("creditorAgentBic"),
      intermediaryBics: intermediaryBics.length > 0 ? intermediaryBics : undefined,
      remittance: this.values("remittance").join(" ") || undefined,
      charges: this.value("charges"),
    });
  }

  private values(target: string): string[] {
    const indexes = this.columns.get(target);
    if (!indexes) return [];
    const values: string[] = [];
    for (const index of indexes) {
      const value = this.cells[index];
      if (value) values.push(value);
    }
    return LIST_TARGETS.has(target) ? values : values.slice(0, 1);
  }

  private value(target: string): string | undefined {
    return this.values(target)[0];
  }

  private fail(target: string, reason: string): never {
    throw badInput(reason, `${this.where} (${target})`);
  }

  private amount(): number {
    const raw = this.value("amount") ?? this.fail("amount", "amount is empty");
    const compact = raw.replace(/\s/g, "");
    const plain = this.decimalComma
      ? compact.replaceAll(".", "").replace(",", ".")
      : compact.replaceAll(",", "");
    if (!/^\d+(\.\d+)?$/.test(plain)) this.fail("amount", `"${raw}" is not a positive decimal amount`);
    return Number(plain);
  }

  private currency(): string {
    const currency = (this.value("currency") ?? "").toUpperCase();
    if (!isCurrencyCode(currency)) this.fail("currency", `"${currency}" is not a 3-letter currency code`);
    return currency;
  }

  private date(target: string): string | undefined {
    const value = this.value(target);
    if (value !== undefined && !isIsoDate(value)) this.fail(target, `"${value}" is not a date YYYY-MM-DD`);
    return value;
  }

  private timestamp(target: string): string | undefined {
    const value = this.value(target);
    if (value !== undefined && Number.isNaN(Date.parse(value)))
      this.fail(target, `"${value}" is not a date-time`);
    return value;
  }

  private bic(value: string, target: string): string {
    const bic = value.toUpperCase();
    if (!isBic(bic)) this.fail(target, `"${value}" is not a BIC`);
    return bic;
  }

  private optionalBic(target: string): string | undefined {
    const value = this.value(target);
    return value === undefined ? undefined : this.bic(value, target);
  }

  /** A party from its `role.*` columns; undefined when the row leaves all of them empty. */
  private party(role: string): Party | undefined {
    const field = (name: string) => this.value(`${role}.${name}`);
    const name = field("name");
    if (!name) {
      if (role === "debtor" || role === "creditor") this.fail(`${role}.name`, `${role} name is empty`);
      if (PARTY_FIELDS.some((part) => field(part)))
        this.fail(`${role}.name`, `${role} has details but no name`);
      return undefined;
    }
    const kind = field("kind")?.toLowerCase().replace("organization", "organisation");
    if (kind !== undefined && !isPartyKind(kind)) {
      this.fail(`${role}.kind`, `"${kind}" is not person, organisation or unknown`);
    }
    const country = field("country")?.toUpperCase();
    if (country !== undefined && !/^[A-Z]{2}$/.test(country)) {
      this.fail(`${role}.country`, `"${country}" is not an ISO 3166 alpha-2 code`);
    }
    const address = this.values(`${role}.address`);
    const identifiers = this.values(`${role}.identifiers`);
    const bic = field("bic");
    return dropUndefined({
      name,
      kind: kind as PartyKind | undefined,
      address: address.length > 0 ? address : undefined,
      country,
      account: field("account"),
      bic: bic === undefined ? undefined : this.bic(bic, `${role}.bic`),
      birthDate: this.date(`${role}.birthDate`),
      identifiers: identifiers.length > 0 ? identifiers : undefined,
    });
  }
}
