/**
 * Console sessions on top of API keys. The sign-in form presents a key once as `Authorization: Bearer`, so
 * the auth hook checks it as for any client; the server answers with an httpOnly, SameSite=Strict cookie.
 * Later requests carrying the cookie are given that same key before the auth hook runs, so a session acts
 * as exactly the actor its key gives — with the key's roles, rate limit and revocation. Sessions live in
 * this process's memory: signing out or restarting ends them.
 */
import { randomBytes } from "node:crypto";
import type { FastifyInstance, FastifyRequest } from "fastify";
import type { DbOrTx } from "../platform/db.ts";
import { FtfxError } from "../platform/errors.ts";
import { findAgency } from "../sharing/agencies.ts";
import { actorOf } from "./auth.ts";
import { problemSchema } from "./problem.ts";

export const SESSION_COOKIE = "ftfx_session";
/** Header the console sends on every call; a cross-site form cannot set it, so cookies alone never write. */
export const CONSOLE_HEADER = "x-ftfx-console";

export interface SessionStore {
  /** Starts a session for a key; returns the session id that goes into the cookie. */
  open(key: string): string;
  keyOf(sessionId: string): string | undefined;
  close(sessionId: string): void;
}

export function createSessionStore(options: { ttlMs?: number; now?: () => number } = {}): SessionStore {
  const ttlMs = options.ttlMs ?? 8 * 60 * 60 * 1000;
  const now = options.now ?? Date.now;
  const sessions = new Map<string, { key: string; until: number }>();
  return {
    open(key) {
      for (const [id, session] of sessions) if (session.until <= now()) sessions.delete(id);
      const id = randomBytes(32).toString("base64url");
      sessions.set(id, { key, until: now() + ttlMs });
      return id;
    },
    keyOf(sessionId) {
      const session = sessions.get(sessionId);
      if (session && session.until > now()) return session.key;
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
    keyId: { type: "string" },
    userId: { type: "string" },
    agencyId: { type: "string" },
    agencyName: { type: "string" },
    country: { type: "string" },
    roles: { type: "array", items: { type: "string" } },
  },
  required: ["keyId", "userId", "agencyId", "roles"],
} as const;

export interface SessionPluginOptions {
  sessions: SessionStore;
  db: DbOrTx;
}

/** Register at the root BEFORE the auth plugin: its hook must hand the session's key to the auth hook. */
export async function sessionPlugin(app: FastifyInstance, options: SessionPluginOptions): Promise<void> {
  const { sessions, db } = options;
  app.addHook("onRequest", async (request) => {
    if (request.headers.authorization) return;
    const sessionId = cookieValue(request.headers.cookie, SESSION_COOKIE);
    const key = sessionId ? sessions.keyOf(sessionId) : undefined;
    if (!key) return;
    if (!SAFE_METHODS.has(request.method) && request.headers[CONSOLE_HEADER] !== "1") {
      throw new FtfxError("forbidden", `a cookie session writes only with the ${CONSOLE_HEADER}: 1 header`);
    }
    request.headers.authorization = `Bearer ${key}`;
  });

  async function describe(request: FastifyRequest) {
    const actor = actorOf(request);
    const agency = await findAgency(db, actor.agencyId);
    return {
      keyId: actor.keyId,
      userId: actor.userId,
      agencyId: actor.agencyId,
      roles: [...actor.roles],
      ...(agency ? { agencyName: agency.name, country: agency.country } : {}),
    };
  }

  app.post(
    "/api/v1/session",
    {
      schema: {
        summary: "Sign in to the console: exchange the Bearer key for an httpOnly session cookie",
        tags: ["session"],
        security: [{ bearer: [] }],
        response: { 200: sessionSchema, 401: problemSchema },
      },
    },
    async (request, reply) => {
      const me = await describe(request);
      const key = /^Bearer\s+(\S+)/i.exec(request.headers.authorization ?? "")?.[1];
      if (!key) throw new FtfxError("unauthorized", "sign in with Authorization: Bearer KEY");
      reply.header("set-cookie", cookie(request, sessions.open(key), 8 * 60 * 60));
      return me;
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
      if (sessionId) sessions.close(sessionId);
      return reply
        .header("set-cookie", cookie(request, "", 0))
        .status(204)
        .send();
    },
  );
}
(sessionPlugin as unknown as Record<symbol, boolean>)[Symbol.for("skip-override")] = true;
