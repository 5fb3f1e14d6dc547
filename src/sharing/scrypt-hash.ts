/**
 * Salted scrypt hashes as self-describing strings, `scrypt$N=…,r=…,p=…$<salt>$<hash>` (base64url), for API
 * keys and passwords: the cost travels with each hash, so it can be raised later without breaking stored ones.
 */
import { randomBytes, scrypt, timingSafeEqual } from "node:crypto";
import { FtfxError } from "../platform/errors.ts";

export interface ScryptCost {
  N: number;
  r: number;
  p: number;
}

const STORED_PATTERN = /^scrypt\$N=(\d+),r=(\d+),p=(\d+)\$([A-Za-z0-9_-]+)\$([A-Za-z0-9_-]+)$/;
const HASH_BYTES = 32;
const SALT_BYTES = 16;
/** Bounds for parameters read back from the store, so a corrupted row cannot ask for gigabytes. */
const MAX_N = 2 ** 20;

export async function scryptHash(secret: string, cost: ScryptCost): Promise<string> {
  const salt = randomBytes(SALT_BYTES);
  const derived = await derive(secret, salt, cost, HASH_BYTES);
  return `scrypt$N=${cost.N},r=${cost.r},p=${cost.p}$${salt.toString("base64url")}$${derived.toString("base64url")}`;
}

export interface StoredHash {
  cost: ScryptCost;
  salt: Buffer;
  hash: Buffer;
}

/** Reads a stored hash string; `what` names it in the error a malformed one raises. */
export function readScryptHash(stored: string, what: string): StoredHash {
  const match = STORED_PATTERN.exec(stored);
  const [N, r, p] = [Number(match?.[1]), Number(match?.[2]), Number(match?.[3])];
  if (!match || N > MAX_N || r > 32 || p > 16 || N < 2 || (N & (N - 1)) !== 0) {
    throw new FtfxError("internal", `stored ${what} hash is malformed`);
  }
  const salt = Buffer.from(match[4] ?? "", "base64url");
  return { cost: { N, r, p }, salt, hash: Buffer.from(match[5] ?? "", "base64url") };
}

/** True when `secret` hashes to `stored`; the comparison takes the same time wherever the bytes differ. */
export async function scryptMatches(secret: string, stored: StoredHash): Promise<boolean> {
  const derived = await derive(secret, stored.salt, stored.cost, stored.hash.length);
  return timingSafeEqual(derived, stored.hash);
}

/** Async scrypt runs on libuv's thread pool, so a server keeps answering while secrets are checked. */
function derive(secret: string, salt: Buffer, cost: ScryptCost, length: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    scrypt(secret, salt, length, { ...cost, maxmem: 256 * cost.N * cost.r }, (error, derived) =>
      error ? reject(error) : resolve(derived),
    );
  });
}
