/**
 * Console passwords: the policy a new password must meet, and its salted scrypt hash (the same
 * self-describing format as API keys, with a higher cost because people choose guessable secrets).
 */
import { randomBytes } from "node:crypto";
import { badInput } from "../platform/errors.ts";
import { readScryptHash, type ScryptCost, scryptHash, scryptMatches } from "./scrypt-hash.ts";

/**
 * OWASP's scrypt setting N=2^15, r=8, p=3: the work of its N=2^17, p=1 line at a quarter of the memory
 * (32 MiB a check), so a few sign-ins at once do not strain a small server. Stored with each hash.
 */
const COST: ScryptCost = { N: 2 ** 15, r: 8, p: 3 };

/**
 * At least 12 characters (OWASP ASVS 4.0 §2.1.1): against offline guessing, length counts far more than
 * forced digits or symbols, which NIST SP 800-63B advises against, so there are no composition rules.
 * At most 256, so a request cannot make the server hash megabytes; spaces and any script are allowed.
 */
export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MAX_LENGTH = 256;

/**
 * The same text typed on another keyboard or platform can arrive as other code points (composed é or e +
 * accent): NFKC makes them one password, as NIST SP 800-63B asks.
 */
function normalise(password: string): string {
  return password.normalize("NFKC");
}

/** Throws bad input (`where` "password") unless the password meets the policy; `username` may not be in it. */
export function checkPasswordPolicy(password: string, username: string): void {
  const text = normalise(password);
  const length = [...text].length;
  if (length < PASSWORD_MIN_LENGTH) {
    throw badInput(
      `a password needs at least ${PASSWORD_MIN_LENGTH} characters, this one has ${length}`,
      "password",
    );
  }
  if (length > PASSWORD_MAX_LENGTH) {
    throw badInput(
      `a password has at most ${PASSWORD_MAX_LENGTH} characters, this one has ${length}`,
      "password",
    );
  }
  // The first words an attacker tries for a known account: its own name, or one key held down.
  if (text.toLowerCase().includes(username.toLowerCase())) {
    throw badInput("a password may not contain the user name", "password");
  }
  if (new Set(text).size === 1) throw badInput("a password may not be one character repeated", "password");
}

export function hashPassword(password: string): Promise<string> {
  return scryptHash(normalise(password), COST);
}

/** True when `password` hashes to `stored`, compared in constant time. */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  return scryptMatches(normalise(password), readScryptHash(stored, "password"));
}

let decoy: Promise<string> | undefined;

/**
 * Checks a password against a hash of nothing anyone knows, at the real cost: a sign-in for an unknown
 * name, or one without a password, then takes as long as a wrong password does (no user enumeration).
 */
export async function verifyAgainstDecoy(password: string): Promise<false> {
  decoy ??= hashPassword(randomBytes(32).toString("base64url"));
  await verifyPassword(password, await decoy);
  return false;
}

/** A password that meets the policy, for the demo user: 24 base64url characters, 144 random bits. */
export function generatePassword(): string {
  return randomBytes(18).toString("base64url");
}
