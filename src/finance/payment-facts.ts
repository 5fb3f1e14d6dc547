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

const MONEY = new Intl.NumberFormat("en-GB", { maximumFractionDigits: 2 });

export function formatMoney(amount: number, currency: string): string {
  return `${MONEY.format(amount)} ${currency}`;
}

export interface Timed<T> {
  item: T;
  time: number;
  /** What counts towards the pattern: the payment itself (structuring) or its sender (fan-in). */
  key: string;
}

/**
 * Groups of items lying within `windowDays` of each other that hold at least `minDistinct` different keys;
 * overlapping qualifying windows merge into one group, so a long pattern is reported once, not once per
 * window. One pass with a sliding window: linear in the number of items, however busy a beneficiary is.
 */
export function windowClusters<T>(
  items: readonly Timed<T>[],
  windowDays: number,
  minDistinct: number,
): Timed<T>[][] {
  const sorted = [...items].sort((a, b) => a.time - b.time);
  const inWindow = new Map<string, number>();
  const clusters: Timed<T>[][] = [];
  let clusterEnd = -1;
  let end = 0;
  for (let start = 0; start < sorted.length; start++) {
    const startTime = (sorted[start] as Timed<T>).time;
    for (; end < sorted.length && (sorted[end] as Timed<T>).time - startTime < windowDays * DAY_MS; end++) {
      const { key } = sorted[end] as Timed<T>;
      inWindow.set(key, (inWindow.get(key) ?? 0) + 1);
    }
    if (inWindow.size >= minDistinct) {
      const last = clusters.at(-1);
      if (last && start < clusterEnd)
        for (let next = clusterEnd; next < end; next++) last.push(sorted[next] as Timed<T>);
      else clusters.push(sorted.slice(start, end));
      clusterEnd = end;
    }
    const { key } = sorted[start] as Timed<T>;
    const left = (inWindow.get(key) ?? 1) - 1;
    if (left === 0) inWindow.delete(key);
    else inWindow.set(key, left);
  }
  return clusters;
}

/** Items grouped by a key, in their original order. */
export function groupBy<T>(items: Iterable<T>, keyOf: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const key = keyOf(item);
    const group = groups.get(key);
    if (group) group.push(item);
    else groups.set(key, [item]);
  }
  return groups;
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
