import anyAscii from "any-ascii";
import type { Party, Payment } from "../formats/payment-types.ts";

/** Small facts about payments that several rules read: who really pays and receives, when, how much. */

const DAY_MS = 86_400_000;

/** The one who really receives: the ultimate creditor when the message names one, else the creditor. */
export function beneficiary(payment: Payment): Party {
  return payment.ultimateCreditor ?? payment.creditor;
}

/** The one who really pays: the ultimate debtor when named, else the debtor. */
export function sender(payment: Payment): Party {
  return payment.ultimateDebtor ?? payment.debtor;
}

/** Lower-case ASCII words, so "Société  Générale" and "SOCIETE GENERALE" are one party. */
export function normaliseText(text: string): string {
  return anyAscii(text)
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, " ")
    .trim();
}

/**
 * Identity of a party across payments: its normalised name, or its account or BIC when unnamed (MT103 50A).
 * Deliberately strict: a spelling variant is a different key here; fuzzy identity is the matcher's job.
 */
export function partyKey(party: Party): string {
  return normaliseText(party.name) || party.account || party.bic || "";
}

/** How a party is named in a sentence. */
export function partyLabel(party: Party): string {
  return (
    party.name || (party.bic ? `BIC ${party.bic}` : party.account ? `account ${party.account}` : "(unnamed)")
  );
}

/** When the payment happened, in ms: the message time if given, else the value date; undefined if neither. */
export function paymentTime(payment: Payment): number | undefined {
  const stated = payment.createdAt ?? payment.valueDate;
  const time = stated === undefined ? Number.NaN : Date.parse(stated);
  return Number.isNaN(time) ? undefined : time;
}

export function formatDay(time: number): string {
  return new Date(time).toISOString().slice(0, 10);
}

export function formatMoney(amount: number, currency: string): string {
  return `${amount.toLocaleString("en-GB", { maximumFractionDigits: 2 })} ${currency}`;
}

export interface Timed<T> {
  item: T;
  time: number;
}

/**
 * Groups of items lying within `windowDays` of each other for which `qualifies` holds; overlapping
 * qualifying windows merge into one group, so a long pattern is reported once, not once per window.
 */
export function windowClusters<T>(
  items: readonly Timed<T>[],
  windowDays: number,
  qualifies: (window: readonly Timed<T>[]) => boolean,
): Timed<T>[][] {
  const sorted = [...items].sort((a, b) => a.time - b.time);
  const clusters: Timed<T>[][] = [];
  let clusterEnd = -1;
  let end = 0;
  for (let start = 0; start < sorted.length; start++) {
    const startTime = (sorted[start] as Timed<T>).time;
    end = Math.max(end, start);
    while (end < sorted.length && (sorted[end] as Timed<T>).time - startTime < windowDays * DAY_MS) end++;
    if (!qualifies(sorted.slice(start, end))) continue;
    const last = clusters.at(-1);
    if (last && start < clusterEnd) last.push(...sorted.slice(clusterEnd, end));
    else clusters.push(sorted.slice(start, end));
    clusterEnd = Math.max(clusterEnd, end);
  }
  return clusters;
}

/** The country of a valid IBAN (the ISO 13616 mod-97 check passes), else undefined. */
export function ibanCountry(account: string | undefined): string | undefined {
  const iban = account?.replace(/\s/g, "").toUpperCase() ?? "";
  if (!/^[A-Z]{2}\d{2}[A-Z0-9]{11,30}$/.test(iban)) return undefined;
  const digits = `${iban.slice(4)}${iban.slice(0, 4)}`.replace(/[A-Z]/g, (letter) =>
    String(letter.charCodeAt(0) - 55),
  );
  let remainder = 0;
  for (const digit of digits) remainder = (remainder * 10 + Number(digit)) % 97;
  return remainder === 1 ? iban.slice(0, 2) : undefined;
}
