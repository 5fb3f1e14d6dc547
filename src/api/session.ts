/**
 * Console sessions. Sign-in takes an API key (`{apiKey}`, or `Authorization: Bearer` as before) or a
 * person's user name and password (`{username, password}`) and answers with an httpOnly, SameSite=Strict
 * cookie. Later requests carrying the cookie act as exactly who signed in: a key session is given its key
 * before the auth hook runs (the key's roles, rate limit and revocation); a password session is given its
 * person, read afresh on every request, so disabling the user or setting a new password ends it at once and
 * a change of roles applies at once. Sessions live in this process's memory: signing out or restarting
 * ends them. Each sign-in and sign-out is an entry in the audit log (`session.sign-in`, `session.sign-out`:
 * who, by key id or user name); failed sign-ins are counted and limited, not audited, since anyone can make
 * them and the log must not grow at a stranger's will.
 */
import { randomBytes } from "node:crypto";
import type { FastifyInstance, FastifyRequest } from "fastify";
import { type Clock, systemClock } from "../platform/clock.ts";
import type { Db } from "../platform/db.ts";
import { badInput, FtfxError } from "../platform/errors.ts";
import { findAgency } from "../sharing/agencies.ts";
import type { JsonObject } from "../sharing/audit-chain.ts";
import { appendAuditGrouped, auditBody } from "../sharing/audit-log.ts";
import { currentPasswordUser, normaliseUsername, signInWithPassword } from "../sharing/users.ts";
import { type Authenticator, actorOf, needsKey, type RequestActor, UNKNOWN_KEY } from "./auth.ts";
import { createFailureLimit } from "./failure-limit.ts";
import { problemSchema } from "./problem.ts";

export const SESSION_COOKIE = "ftfx_session";
/** Header the console sends on every call; a cross-site form cannot set it, so cookies alone never write. */
export const CONSOLE_HEADER = "x-ftfx-console";
const SESSION_SECONDS = 8 * 60 * 60;
/** One answer for an unknown name, a wrong password, no password set and a disabled user: no enumeration. */
export const PASSWORD_REFUSED = "sign-in refused: wrong user name or password, or the account is disabled";

/** What a session stands for: a key, or a person and when the password it signed in with was set. */
export type SessionCredential = { key: string } | { userId: string; passwordSetAt: string };

export interface SessionStore {
  /** Starts a session; returns the session id that goes into the cookie. */
  open(credential: SessionCredential): string;
  credentialOf(sessionId: string): SessionCredential | undefined;
  close(sessionId: string): void;
}

export function createSessionStore(options: { ttlMs?: number; now?: () => number } = {}): SessionStore {
  const ttlMs = options.ttlMs ?? SESSION_SECONDS * 1000;
  const now = options.now ?? Date.now;
  const sessions = new Map<string, { credential: SessionCredential; until: number }>();
  return {
    open(credential) {
      for (const [id, session] of sessions) if (session.until <= now()) sessions.delete(id);
      const id = randomBytes(32).toString("base64url");
      sessions.set(id, { credential, until: now() + ttlMs });
      return id;
    },
    credentialOf(sessionId) {
      const session = sessions.get(sessionId);
      if (session && session.until > now()) return session.credential;
      sessions.delete(sessionId);
      return undefined;
    },
    close(sessionId) {
      sessions.delete(sessionId);
    },
  };
}

export function cookieValue(header: string | undefined, name: string): string | undefined {
  for (const part of (header ?? "").split(";")) {
    const [key, ...value] = part.trim().split("=");
    if (key === name) return value.join("=");
  }
  return undefined;
}

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

function cookie(request: FastifyRequest, value: string, maxAgeSeconds: number): string {
  const secure = request.protocol === "https" ? "; Secure" : "";
  return `${SESSION_COOKIE}=${value}; Path=/; HttpOnly; SameSite=Strict; Max-Age=${maxAgeSeconds}${secure}`;
}

const sessionSchema = {
  type: "object",
  properties: {
    method: { type: "string", enum: ["key", "password"] },
    keyId: { type: "string" },
    userId: { type: "string" },
    username: { type: "string" },
    agencyId: { type: "string" },
    agencyName: { type: "string" },
    country: { type: "string" },
    roles: { type: "array", items: { type: "string" } },
  },
  required: ["method", "userId", "agencyId", "roles"],
} as const;

const signInSchema = {
  type: "object",
  properties: {
    apiKey: { type: "string", maxLength: 200 },
    username: { type: "string", maxLength: 200 },
    password: { type: "string", maxLength: 1024 },
  },
  additionalProperties: false,
} as const;

interface SignInBody {
  apiKey?: string;
  username?: string;
  password?: string;
}

export interface SessionPluginOptions {
  sessions: SessionStore;
  db: Db;
  /** The auth plugin's key checker: a key signs in under the same cache and failure limit as on any call. */
  authenticator: Authenticator;
  /** Failed password sign-ins per user name per minute before checks stop (as for key ids: 20). */
  maxPasswordFailuresPerMinute?: number;
  now?: () => number;
  /** The time audit entries carry. */
  clock?: Clock;
}

/** Register at the root BEFORE the auth plugin: its hook must hand the session's actor to the auth hook. */
export async function sessionPlugin(app: FastifyInstance, options: SessionPluginOptions): Promise<void> {
  const { sessions, db, authenticator } = options;
  const clock = options.clock ?? systemClock;
  const passwordFailures = createFailureLimit({
    maxPerMinute: options.maxPasswordFailuresPerMinute ?? 20,
    ...(options.now ? { now: options.now } : {}),
  });

  app.addHook("onRequest", async (request) => {
    if (request.headers.authorization || !needsKey(request.url)) return;
    const sessionId = cookieValue(request.headers.cookie, SESSION_COOKIE);
    const credential = sessionId ? sessions.credentialOf(sessionId) : undefined;
    if (!sessionId || !credential) return;
    if (!SAFE_METHODS.has(request.method) && request.headers[CONSOLE_HEADER] !== "1") {
      throw new FtfxError("forbidden", `a cookie session writes only with the ${CONSOLE_HEADER}: 1 header`);
    }
    if ("key" in credential) {
      request.headers.authorization = `Bearer ${credential.key}`;
      return;
    }
    const actor = await currentPasswordUser(db, credential.userId, credential.passwordSetAt);
    if (actor) request.actor = actor;
    else sessions.close(sessionId);
  });

  async function signInWithKey(key: string): Promise<{ actor: RequestActor; credential: SessionCredential }> {
    const actor = await authenticator.authenticate(key);
    if (!actor) throw new FtfxError("unauthorized", UNKNOWN_KEY);
    return { actor, credential: { key } };
  }

  async function signInByName(username: string, password: string) {
    // Counted by the name as asked for, known or not, so an unknown name is limited like a real one.
    const claimed = normaliseUsername(username);
    if (passwordFailures.blocked(claimed)) {
      throw new FtfxError("rate_limited", "too many failed sign-ins for this user name; retry in a minute");
    }
    const signedIn = await signInWithPassword(db, username, password);
    if (!signedIn) {
      passwordFailures.record(claimed);
      throw new FtfxError("unauthorized", PASSWORD_REFUSED);
    }
    const { actor, passwordSetAt } = signedIn;
    return { actor, credential: { userId: actor.userId, passwordSetAt } };
  }

  function signIn(request: FastifyRequest, body: SignInBody) {
    const byName = body.username !== undefined || body.password !== undefined;
    if (byName) {
      if (body.apiKey !== undefined || body.username === undefined || body.password === undefined) {
        throw badInput("sign in with either {apiKey} or {username, password}", "body");
      }
      return signInByName(body.username, body.password);
    }
    const key = body.apiKey ?? /^Bearer\s+(\S+)\s*$/i.exec(request.headers.authorization ?? "")?.[1];
    if (!key) throw new FtfxError("unauthorized", "sign in with {apiKey} or {username, password}");
    return signInWithKey(key.trim());
  }

  /** Who signed in or out, and how; never the key or the password. */
  function audit(action: "session.sign-in" | "session.sign-out", actor: RequestActor) {
    const how: JsonObject =
      "keyId" in actor
        ? { method: "key", keyId: actor.keyId }
        : { method: "password", username: actor.username };
    return appendAuditGrouped(db, auditBody(actor, clock.now(), action, how));
  }

  async function describe(request: FastifyRequest) {
    const actor = actorOf(request);
    const agency = await findAgency(db, actor.agencyId);
    return {
      ...("keyId" in actor
        ? { method: "key", keyId: actor.keyId }
        : { method: "password", username: actor.username }),
      userId: actor.userId,
      agencyId: actor.agencyId,
      roles: [...actor.roles],
      ...(agency ? { agencyName: agency.name, country: agency.country } : {}),
    };
  }

  app.post<{ Body: SignInBody }>(
    "/api/v1/session",
    {
      config: { signIn: true },
      // A Bearer sign-in sends no body; the schema then checks an empty one.
      preValidation: async (request) => {
        request.body ??= {};
      },
      schema: {
        summary:
          "Sign in to the console with {apiKey} (or Authorization: Bearer) or {username, password}: an httpOnly session cookie",
        tags: ["session"],
        security: [{ bearer: [] }, {}],
        body: signInSchema,
        response: { 200: sessionSchema, 400: problemSchema, 401: problemSchema, 429: problemSchema },
      },
    },
    async (request, reply) => {
      const { actor, credential } = await signIn(request, request.body);
      // A new session id on every sign-in; the one the browser held before ends (no session fixation).
      const previous = cookieValue(request.headers.cookie, SESSION_COOKIE);
      if (previous) sessions.close(previous);
      request.actor = actor;
      await audit("session.sign-in", actor);
      reply.header("set-cookie", cookie(request, sessions.open(credential), SESSION_SECONDS));
      return describe(request);
    },
  );

  app.get(
    "/api/v1/session",
    {
      schema: {
        summary: "Who the current key or session acts as",
        tags: ["session"],
        security: [{ bearer: [] }],
        response: { 200: sessionSchema, 401: problemSchema },
      },
    },
    describe,
  );

  app.delete(
    "/api/v1/session",
    {
      schema: {
        summary: "Sign out: end the session cookie",
        tags: ["session"],
        response: { 204: { type: "null" } },
      },
    },
    async (request, reply) => {
      const sessionId = cookieValue(request.headers.cookie, SESSION_COOKIE);
      if (sessionId && sessions.credentialOf(sessionId)) {
        sessions.close(sessionId);
        if (request.actor) await audit("session.sign-out", request.actor);
      }
      return reply
        .header("set-cookie", cookie(request, "", 0))
        .status(204)
        .send();
    },
  );
}
(sessionPlugin as unknown as Record<symbol, boolean>)[Symbol.for("skip-override")] = true;
