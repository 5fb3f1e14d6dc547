/**
 * Authentication and roles for every API route except /api/docs: `Authorization: Bearer KEY`
 * (401 without a key or with a bad one), the route's roles (`config.roles`, 403 when the key has none
 * of them), and a per-key rate limit. A successful scrypt check is remembered for a short while, keyed
 * by the SHA-256 of the key, since scrypt on every request would cap the server at a few dozen requests
 * per second; revoking through the API drops the entry at once.
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

declare module "fastify" {
  interface FastifyRequest {
    /** The authenticated key's holder; null only on public routes. */
    actor: KeyActor | null;
  }
  interface FastifyContextConfig {
    /** The route needs at least one of these roles; any authenticated key when absent. */
    roles?: readonly Role[];
  }
}

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
  const failures = new Map<string, { count: number; until: number }>();
  return {
    async authenticate(key) {
      const digest = sha256Hex(key);
      const cached = cache.get(digest);
      if (cached && cached.until > now()) return cached.actor;
      cache.delete(digest);
      // Guessing at one key id costs a scrypt check each; after too many misses stop checking for a minute.
      // A key already in the cache keeps working, so guessing cannot lock out its holder's live sessions.
      const claimed = apiKeyId(key) ?? "";
      const missed = failures.get(claimed);
      if (missed && missed.until > now() && missed.count >= maxFailures) {
        throw new FtfxError("rate_limited", "too many failed attempts with this key id; retry in a minute");
      }
      const actor = await authenticateKey(db, key);
      if (actor) {
        // Map keeps insertion order: the first entry is the oldest.
        if (cache.size >= maxEntries) cache.delete(cache.keys().next().value as string);
        cache.set(digest, { actor, until: now() + ttlMs });
      } else if (claimed) {
        const current = missed && missed.until > now() ? missed : { count: 0, until: now() + 60_000 };
        if (failures.size >= maxEntries) failures.delete(failures.keys().next().value as string);
        failures.set(claimed, { ...current, count: current.count + 1 });
      }
      return actor;
    },
    forget(keyId) {
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
function needsKey(url: string): boolean {
  return url.startsWith("/api/") && !/^\/api\/docs(\/|\?|$)/.test(url);
}

function bearerKey(request: FastifyRequest): string | undefined {
  return /^Bearer\s+(\S+)\s*$/i.exec(request.headers.authorization ?? "")?.[1];
}

/** Registered before the routes, at the root (skip-override), so its hooks cover every route after it. */
export async function authPlugin(app: FastifyInstance, options: AuthPluginOptions): Promise<void> {
  app.decorateRequest("actor", null);
  app.addHook("onRequest", async (request) => {
    if (!needsKey(request.url)) return;
    const key = bearerKey(request);
    if (!key) throw new FtfxError("unauthorized", "this route needs an API key: Authorization: Bearer KEY");
    const actor = await options.authenticator.authenticate(key);
    if (!actor) throw new FtfxError("unauthorized", "the API key is unknown or revoked");
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
    keyGenerator: (request) => request.actor?.keyId ?? request.ip,
    errorResponseBuilder: (_request, context) =>
      new FtfxError(
        "rate_limited",
        `more than ${context.max} requests a minute with this key; retry in ${context.after}`,
      ),
  });
}
(authPlugin as unknown as Record<symbol, boolean>)[Symbol.for("skip-override")] = true;

/** The actor of a route that requires a key; the auth hook has already refused requests without one. */
export function actorOf(request: FastifyRequest): KeyActor {
  if (!request.actor)
    throw new FtfxError("unauthorized", "this route needs an API key: Authorization: Bearer KEY");
  return request.actor;
}

/** The sharing context of a keyed request: its actor, at the server's clock. */
export function contextOf(request: FastifyRequest, clock: Clock): SharingContext {
  return { actor: actorOf(request), clock };
}
