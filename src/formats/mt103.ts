import { badInput } from "../platform/errors.ts";
import { sha256Hex, stableId } from "../platform/ids.ts";
import { type MtField, type MtMessage, readMtBlocks } from "./mt-blocks.ts";
import { dropUndefined, isBic, isIsoDate, otherBanks, type Party, type Payment } from "./payment-types.ts";

/**
 * SWIFT MT103 single customer credit transfers: one FIN message, or an RJE batch of several separated by
 * `$`, each possibly preceded by its ACK/NAK service message (F21, field 451), which is recorded on the
 * payment as `network`. One Payment per MT103; any bad message fails the whole file.
 */
export function parseMt103(text: string, file: string): Payment[] {
  const digest = sha256Hex(text);
  return readMtBlocks(text, file).map((message, index) =>
    readMt103(message, index, file, stableId("pay", digest, String(index))),
  );
}

/** Every MT103 field tag (SWIFT standards release 2024), and the ones that may repeat. */
const MT103_TAGS = new Set(
  (
    "13C 20 23B 23E 26T 32A 33B 36 50A 50F 50K 51A 52A 52D 53A 53B 53D 54A 54B 54D 55A 55B 55D 56A 56C 56D " +
    "57A 57B 57C 57D 59 59A 59F 70 71A 71F 71G 72 77B 77T"
  ).split(" "),
);
const REPEATABLE = new Set(["13C", "23E", "71F"]);
/** Fields written with a choice of options (50A, 50F or 50K); only one option may appear. */
const OPTION_FIELDS = new Set(["50", "51", "52", "53", "54", "55", "56", "57", "59"]);
const CHARGES = new Set(["OUR", "SHA", "BEN"]);

function readMt103(message: MtMessage, index: number, file: string, id: string): Payment {
  const label = `message ${index + 1}`;
  const where = (field: MtField) => `${file}:${field.line} (${label}, field ${field.tag})`;
  const type = message.applicationHeader.slice(1, 4);
  if (type !== "103") {
    throw badInput(`MT${type} is not an MT103`, `${file}:${message.line} (${label}, block 2)`);
  }
  const fields = new Map<string, MtField>();
  const seen = new Map<string, string>();
  for (const field of message.fields) {
    if (!MT103_TAGS.has(field.tag)) throw badInput(`:${field.tag}: is not an MT103 field`, where(field));
    // One field, whatever its option: 50K after 50F is a second ordering customer.
    const identity = OPTION_FIELDS.has(field.tag.slice(0, 2)) ? field.tag.slice(0, 2) : field.tag;
    const earlier = seen.get(identity);
    if (earlier && !REPEATABLE.has(field.tag)) {
      throw badInput(`field :${field.tag}: repeats :${earlier}:, which may appear once`, where(field));
    }
    seen.set(identity, field.tag);
    if (!fields.has(field.tag)) fields.set(field.tag, field);
  }
  const one = (...tags: string[]) => tags.map((tag) => fields.get(tag)).find((field) => field !== undefined);
  const required = (name: string, ...tags: string[]) => {
    const field = one(...tags);
    if (!field) throw badInput(`missing mandatory field ${name}`, `${file}:${message.line} (${label})`);
    return field;
  };
  required("20", "20");
  required("23B", "23B");
  const settlement = parse32A(required("32A", "32A"), where);
  const charges = required("71A", "71A");
  if (!CHARGES.has(charges.value))
    throw badInput(`"${charges.value}" is not OUR, SHA or BEN`, where(charges));
  const debtor = readParty(required("50a", "50A", "50F", "50K"), where);
  const creditor = readParty(required("59a", "59", "59A", "59F"), where);
  const instructed = one("33B");
  const remittance = one("70");
  const senderToReceiver = one("72");
  const debtorAgentBic = institutionBic(one("52A"), where) ?? (one("52D") ? undefined : message.senderBic);
  const creditorAgentBic =
    institutionBic(one("57A"), where) ?? (one("57B", "57C", "57D") ? undefined : message.receiverBic);
  const chain = [
    message.senderBic,
    message.receiverBic,
    previousInstructingBic(senderToReceiver),
    ...["53A", "54A", "55A", "56A"].map((tag) => institutionBic(one(tag), where)),
  ];
  return dropUndefined({
    id,
    messageType: "MT103" as const,
    messageRef: one("20")?.value,
    endToEndId: remittance ? /\/ROC\/([^/\n]+)/.exec(remittance.value)?.[1]?.trim() : undefined,
    uetr: message.userHeader.get("121"),
    amount: settlement.amount,
    currency: settlement.currency,
    instructedAmount: instructed ? parse33B(instructed, where) : undefined,
    valueDate: settlement.valueDate,
    debtor,
    creditor,
    debtorAgentBic,
    creditorAgentBic,
    intermediaryBics: otherBanks(chain, debtorAgentBic, creditorAgentBic),
    remittance: remittance ? remittance.value.split("\n").join(" ") : undefined,
    charges: charges.value,
    network: message.network,
  });
}

/** An MT amount: digits, a mandatory decimal comma, up to 15 characters in all. */
function mtAmount(value: string): number | undefined {
  if (!/^\d+,\d*$/.test(value) || value.length > 15) return undefined;
  return Number(value.replace(",", "."));
}

function parse32A(field: MtField, where: (field: MtField) => string) {
  const match = /^(\d{2})(\d{2})(\d{2})([A-Z]{3})(.*)$/.exec(field.value);
  if (!match) throw badInput(`"${field.value}" is not date YYMMDD, currency and amount`, where(field));
  const [, yy, mm, dd, currency, rawAmount] = match as unknown as [
    string,
    string,
    string,
    string,
    string,
    string,
  ];
  // Two-digit years: SWIFT messages are from after 1980, so 80–99 mean the 1900s.
  const valueDate = `${Number(yy) >= 80 ? "19" : "20"}${yy}-${mm}-${dd}`;
  if (!isIsoDate(valueDate)) throw badInput(`${yy}${mm}${dd} is not a date`, where(field));
  const amount = mtAmount(rawAmount);
  if (amount === undefined) {
    throw badInput(`amount "${rawAmount}" must be digits with a decimal comma, e.g. 1500,00`, where(field));
  }
  return { valueDate, currency, amount };
}

function parse33B(field: MtField, where: (field: MtField) => string) {
  const match = /^([A-Z]{3})(.*)$/.exec(field.value);
  const amount = match ? mtAmount(match[2] ?? "") : undefined;
  if (!match || amount === undefined)
    throw badInput(`"${field.value}" is not currency and amount`, where(field));
  return { currency: match[1] as string, amount };
}

/** Option A of an institution field: an optional `/party identifier` line, then the BIC. */
function institutionBic(field: MtField | undefined, where: (field: MtField) => string): string | undefined {
  if (!field) return undefined;
  const bic = field.value.split("\n").at(-1)?.trim() ?? "";
  if (!isBic(bic)) throw badInput(`"${bic}" is not a BIC`, where(field));
  return bic;
}

/** Field 72 `/INS/` names the previous instructing bank, by BIC or by name; only a BIC is a bank id here. */
function previousInstructingBic(field: MtField | undefined): string | undefined {
  const named = field ? /^\/INS\/(\S+)$/m.exec(field.value)?.[1] : undefined;
  return named && isBic(named) ? named : undefined;
}

/** Ordering customer (50A/F/K) or beneficiary (59, 59A, 59F). */
function readParty(field: MtField, where: (field: MtField) => string): Party {
  const lines = field.value.split("\n");
  const option = field.tag.slice(2);
  const account = lines[0]?.startsWith("/") ? lines.shift()?.slice(1).trim() || undefined : undefined;
  if (option === "A") {
    const bic = lines.join("").trim();
    if (!isBic(bic)) throw badInput(`"${bic}" is not a BIC`, where(field));
    return dropUndefined({ name: "", kind: "organisation" as const, account, bic });
  }
  if (option === "F") return readStructuredParty(field, lines, account, where);
  const [name = "", ...address] = lines.map((line) => line.trim()).filter((line) => line);
  return dropUndefined({
    name,
    kind: "unknown" as const,
    account,
    address: address.length ? address : undefined,
  });
}

/** Identity codes in the 50F first line that only a natural person holds. */
const PERSON_CODES = new Set(["ARNU", "CCPT", "DRLC", "NIDN", "SOSE"]);

/**
 * Option F: numbered lines `1/` name, `2/` address, `3/` country/town, and for 50F `4/` birth date,
 * `5/` country/place of birth, `6/` customer id, `7/` national id, `8/` continuation of 6 or 7. The first
 * line is `/account` or `CODE/country/identifier`.
 */
function readStructuredParty(
  field: MtField,
  lines: string[],
  account: string | undefined,
  where: (field: MtField) => string,
): Party {
  const identifiers: string[] = [];
  let isPerson = false;
  if (!account && lines[0] && /^[A-Z]{4}\/[A-Z]{2}\//.test(lines[0])) {
    const identity = lines.shift() as string;
    isPerson = PERSON_CODES.has(identity.slice(0, 4));
    identifiers.push(`${identity.slice(0, 4)}:${identity.slice(5)}`);
  }
  const names: string[] = [];
  const address: string[] = [];
  let country: string | undefined;
  let birthDate: string | undefined;
  for (const line of lines) {
    const match = /^([1-8])\/(.*)$/.exec(line);
    if (!match) throw badInput(`line "${line}" must start with a line number 1/ to 8/`, where(field));
    const [, number, content = ""] = match;
    if (number === "1") names.push(content.trim());
    else if (number === "2") address.push(content.trim());
    else if (number === "3") {
      const [code = "", ...town] = content.split("/");
      if (!/^[A-Z]{2}$/.test(code))
        throw badInput(`"${code}" in line 3/ is not a country code`, where(field));
      country = code;
      if (town.join("/").trim()) address.push(town.join("/").trim());
    } else if (number === "4") {
      const date = `${content.slice(0, 4)}-${content.slice(4, 6)}-${content.slice(6, 8)}`;
      if (!/^\d{8}$/.test(content) || !isIsoDate(date)) {
        throw badInput(`"${content}" in line 4/ is not a birth date YYYYMMDD`, where(field));
      }
      birthDate = date;
      isPerson = true;
    } else if (number === "5") isPerson = true;
    else if (number === "8" && identifiers.length > 0) identifiers.push(`${identifiers.pop()}${content}`);
    else identifiers.push(`${number === "7" ? "NIDN" : "CUST"}:${content}`);
  }
  if (names.length === 0) throw badInput("option F party has no name line 1/", where(field));
  return dropUndefined({
    name: names.join(" "),
    kind: isPerson ? ("person" as const) : ("unknown" as const),
    address: address.length > 0 ? address : undefined,
    country,
    account,
    birthDate,
    identifiers: identifiers.length > 0 ? identifiers : undefined,
  });
}
