/**
 * Authentication and roles for every API route except /api/docs: `Authorization: Bearer KEY`
 * (401 without a key or with a bad one) or a password session's person (set by the session hook), the
 * route's roles (`config.roles`, 403 when the actor has none of them), and a per-key (per-person) rate limit.
 * A successful scrypt check is remembered for a short while, keyed by the SHA-256 of the key, since scrypt
 * on every request would cap the server at a few dozen requests per second; requests with a key that is not
 * remembered share one check; revoking through the API drops the entry at once, and a check under way then
 * leaves it out.
 */
import rateLimit from "@fastify/rate-limit";
import type { FastifyInstance, FastifyRequest } from "fastify";
import type { Clock } from "../platform/clock.ts";
import type { DbOrTx } from "../platform/db.ts";
import { FtfxError } from "../platform/errors.ts";
import { sha256Hex } from "../platform/ids.ts";
import { authenticateKey, type KeyActor } from "../sharing/api-keys.ts";
import type { SharingContext } from "../sharing/context.ts";
import { apiKeyId } from "../sharing/keys.ts";
import type { Role } from "../sharing/types.ts";
import type { UserActor } from "../sharing/users.ts";
import { createFailureLimit } from "./failure-limit.ts";

declare module "fastify" {
  interface FastifyRequest {
    /** Who acts: a key's holder, or a person signed in by password; null only on public routes. */
    actor: RequestActor | null;
  }
  interface FastifyContextConfig {
    /** The route needs at least one of these roles; any authenticated key when absent. */
    roles?: readonly Role[];
    /** The route checks the credentials it is given itself (sign-in). */
    signIn?: boolean;
  }
}

export type RequestActor = KeyActor | UserActor;

export interface Authenticator {
  authenticate(key: string): Promise<KeyActor | null>;
  /** Drops a revoked key from the cache. */
  forget(keyId: string): void;
}

export interface AuthenticatorOptions {
  /** How long a successful check is trusted; a key revoked elsewhere (CLI, another process) works this long. */
  ttlMs?: number;
  maxEntries?: number;
  /** Failed checks per claimed key id per minute before checks stop (each failure costs a scrypt run). */
  maxFailuresPerMinute?: number;
  now?: () => number;
}

export function createAuthenticator(db: DbOrTx, options: AuthenticatorOptions = {}): Authenticator {
  const ttlMs = options.ttlMs ?? 30_000;
  const maxEntries = options.maxEntries ?? 10_000;
  const maxFailures = options.maxFailuresPerMinute ?? 20;
  const now = options.now ?? Date.now;
  const cache = new Map<string, { actor: KeyActor; until: number }>();
  const failures = createFailureLimit({ maxPerMinute: maxFailures, maxEntries, now });
  // Checks under way, by key digest: when an entry runs out under load, the requests that carry the key
  // share one scrypt run instead of starting one each.
  const checking = new Map<string, Promise<KeyActor | null>>();
  // Counts forget calls: a check under way when any key is forgotten (revoked) caches nothing; revocations
  // are rare, so at worst the next request checks again.
  let forgotten = 0;

  async function check(key: string, digest: string): Promise<KeyActor | null> {
    // Guessing at one key id costs a scrypt check each; after too many misses stop checking for a minute.
    // A key already in the cache keeps working, so guessing cannot lock out its holder's live sessions.
    const claimed = apiKeyId(key) ?? "";
    if (failures.blocked(claimed)) {
      throw new FtfxError("rate_limited", "too many failed attempts with this key id; retry in a minute");
    }
    const started = forgotten;
    const actor = await authenticateKey(db, key);
    if (actor && started === forgotten) {
      // Map keeps insertion order: the first entry is the oldest.
      if (cache.size >= maxEntries) cache.delete(cache.keys().next().value as string);
      cache.set(digest, { actor, until: now() + ttlMs });
    } else if (!actor && claimed) {
      failures.record(claimed);
    }
    return actor;
  }

  return {
    async authenticate(key) {
      const digest = sha256Hex(key);
      const cached = cache.get(digest);
      if (cached && cached.until > now()) return cached.actor;
      cache.delete(digest);
      let running = checking.get(digest);
      if (!running) {
        running = check(key, digest).finally(() => checking.delete(digest));
        checking.set(digest, running);
      }
      return running;
    },
    forget(keyId) {
      forgotten++;
      for (const [digest, entry] of cache) if (entry.actor.keyId === keyId) cache.delete(digest);
    },
  };
}

export interface AuthPluginOptions {
  authenticator: Authenticator;
  /** Requests per key per minute. */
  rateLimitPerMinute: number;
}

/** Keys guard the API; /health, the OpenAPI docs and the console's static pages (no data in them) are open. */
export function needsKey(url: string): boolean {
  return url.startsWith("/api/") && !/^\/api\/docs(\/|\?|$)/.test(url);
}

function bearerKey(request: FastifyRequest): string | undefined {
  return /^Bearer\s+(\S+)\s*$/i.exec(request.headers.authorization ?? "")?.[1];
}

/** Registered before the routes, at the root (skip-override), so its hooks cover every route after it. */
export async function authPlugin(app: FastifyInstance, options: AuthPluginOptions): Promise<void> {
  app.decorateRequest("actor", null);
  app.addHook("onRequest", async (request) => {
    if (!needsKey(request.url) || request.routeOptions.config.signIn) return;
    // A password session's person was set by the session hook; everyone else presents a key.
    const actor = request.actor ?? (await keyActor(request, options.authenticator));
    request.actor = actor;
    const roles = request.routeOptions.config.roles;
    if (roles && !roles.some((role) => actor.roles.includes(role))) {
      throw new FtfxError("forbidden", `this route needs the role ${roles.join(" or ")}`);
    }
  });
  await app.register(rateLimit, {
    global: true,
    hook: "preHandler",
    max: options.rateLimitPerMinute,
    timeWindow: 60_000,
    keyGenerator: (request) => rateLimitSubject(request.actor) ?? request.ip,
    errorResponseBuilder: (_request, context) =>
      new FtfxError(
        "rate_limited",
        `more than ${context.max} requests a minute with this key; retry in ${context.after}`,
      ),
  });
}
(authPlugin as unknown as Record<symbol, boolean>)[Symbol.for("skip-override")] = true;

async function keyActor(request: FastifyRequest, authenticator: Authenticator): Promise<KeyActor> {
  const key = bearerKey(request);
  if (!key) throw new FtfxError("unauthorized", "this route needs an API key: Authorization: Bearer KEY");
  const actor = await authenticator.authenticate(key);
  if (!actor) throw new FtfxError("unauthorized", UNKNOWN_KEY);
  return actor;
}

export const UNKNOWN_KEY = "the API key is unknown or revoked";

/** A key's requests count against the key, a password session's against its person. */
function rateLimitSubject(actor: RequestActor | null): string | undefined {
  if (!actor) return undefined;
  return "keyId" in actor ? actor.keyId : `user:${actor.userId}`;
}

/** The actor of a route that requires a key; the auth hook has already refused requests without one. */
export function actorOf(request: FastifyRequest): RequestActor {
  if (!request.actor)
    throw new FtfxError("unauthorized", "this route needs an API key: Authorization: Bearer KEY");
  return request.actor;
}

/** The sharing context of a keyed request: its actor, at the server's clock. */
export function contextOf(request: FastifyRequest, clock: Clock): SharingContext {
  return { actor: actorOf(request), clock };
}
