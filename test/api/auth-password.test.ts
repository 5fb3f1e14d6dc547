/**
 * Console sign-in by user name and password over HTTP, on both stores: the cookie session acts as the
 * person with the person's roles and agency; every failure gets the same 401; disabling, a new password and
 * signing out end the session; failures per user name are limited like failures per key id.
 */
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import Fastify, { type FastifyInstance, type LightMyRequestResponse } from "fastify";
import { authPlugin, createAuthenticator } from "../../src/api/auth.ts";
import { sendProblem } from "../../src/api/problem.ts";
import { buildServer } from "../../src/api/server.ts";
import { createSessionStore, SESSION_COOKIE, sessionPlugin } from "../../src/api/session.ts";
import { fixedClock } from "../../src/platform/clock.ts";
import { addAgency } from "../../src/sharing/agencies.ts";
import { createKey } from "../../src/sharing/api-keys.ts";
import { findAudit } from "../../src/sharing/audit-log.ts";
import { LOCAL_OPERATOR, type SharingContext } from "../../src/sharing/context.ts";
import { addUser, setPassword, setUserDisabled } from "../../src/sharing/users.ts";
import { pgliteTestStore, STORE_KINDS, type TestStore } from "../support/stores.ts";

const operator: SharingContext = { actor: LOCAL_OPERATOR, clock: fixedClock("2026-06-01T00:00:00Z") };
const PASSWORD = "seven blue trams at noon";
const CONSOLE = { "x-ftfx-console": "1" };

/** The `name=value` part of the session cookie a response sets. */
function sessionCookie(response: LightMyRequestResponse): string {
  const header = String(response.headers["set-cookie"] ?? "");
  assert.match(header, new RegExp(`^${SESSION_COOKIE}=[^;]{40,}; Path=/; HttpOnly; SameSite=Strict`));
  return header.split(";")[0] ?? "";
}

async function person(testStore: TestStore, agencyId: string, username: string, roles: string[]) {
  const { db } = testStore.store;
  const { id } = await addUser(db, { agencyId, username, roles }, operator);
  await setPassword(db, id, PASSWORD, operator);
  return id;
}

for (const kind of STORE_KINDS) {
  describe(`sign-in by user name and password on ${kind.name}`, () => {
    let testStore: TestStore;
    let app: FastifyInstance;
    let nl: string;
    let screenerId: string;

    before(async () => {
      testStore = await kind.open();
      nl = (
        await addAgency(testStore.store.db, { country: "NL", name: "KMar PIU", type: "border" }, operator)
      ).id;
      screenerId = await person(testStore, nl, "sanne", ["screener"]);
      await person(testStore, nl, "otto", ["auditor", "admin"]);
      await person(testStore, nl, "dora", ["screener"]);
      app = await buildServer({ store: testStore.store, config: { bodyLimitBytes: 1 << 20 } });
    });
    after(async () => {
      await app.close();
      await testStore.dispose();
    });

    const signIn = (payload: Record<string, string>, headers: Record<string, string> = {}) =>
      app.inject({ method: "POST", url: "/api/v1/session", payload, headers });
    const asCookie = (cookie: string, method: "GET" | "POST" | "DELETE", url: string, extra = {}) =>
      app.inject({ method, url, headers: { cookie, ...extra } });

    test("the right name and password open a cookie session that acts as the person, in the person's agency", async () => {
      const response = await signIn({ username: "Sanne", password: PASSWORD });
      assert.equal(response.statusCode, 200, response.body);
      assert.deepEqual(response.json(), {
        method: "password",
        userId: screenerId,
        username: "sanne",
        agencyId: nl,
        agencyName: "KMar PIU",
        country: "NL",
        roles: ["screener"],
      });
      const cookie = sessionCookie(response);
      const me = await asCookie(cookie, "GET", "/api/v1/session");
      assert.equal(me.statusCode, 200);
      assert.deepEqual(me.json(), response.json());
    });

    test("navigation and actions follow the person's roles: a screener is refused the audit log, an auditor reads it", async () => {
      const screener = sessionCookie(await signIn({ username: "sanne", password: PASSWORD }));
      const auditor = sessionCookie(await signIn({ username: "otto", password: PASSWORD }));
      const refused = await asCookie(screener, "GET", "/api/v1/audit");
      assert.equal(refused.statusCode, 403);
      assert.equal(refused.json().code, "forbidden");
      assert.equal((await asCookie(auditor, "GET", "/api/v1/audit")).statusCode, 200);
      assert.equal((await asCookie(auditor, "GET", "/api/v1/agencies")).statusCode, 200);
      // Writes over a cookie need the console header, for a password session as for a key session.
      const write = { method: "POST" as const, url: "/api/v1/notifications/read", payload: { ids: [] } };
      const bare = await app.inject({ ...write, headers: { cookie: screener } });
      assert.equal(bare.statusCode, 403);
      const withHeader = await app.inject({ ...write, headers: { cookie: screener, ...CONSOLE } });
      assert.equal(withHeader.statusCode, 204);
    });

    test("a wrong password and an unknown user name get the very same 401 problem", async () => {
      const wrong = await signIn({ username: "sanne", password: `${PASSWORD}!` });
      const unknown = await signIn({ username: "nobody-by-that-name", password: PASSWORD });
      const noSuchShape = await signIn({ username: "not a user name_", password: PASSWORD });
      for (const response of [wrong, unknown, noSuchShape]) {
        assert.equal(response.statusCode, 401);
        assert.match(String(response.headers["content-type"]), /^application\/problem\+json/);
        assert.equal(response.headers["set-cookie"], undefined);
      }
      assert.deepEqual(wrong.json(), unknown.json());
      assert.deepEqual(unknown.json(), noSuchShape.json());
      assert.equal(wrong.json().code, "unauthorized");
    });

    test("a disabled user cannot sign in (same 401), and disabling ends the open session", async () => {
      const cookie = sessionCookie(await signIn({ username: "dora", password: PASSWORD }));
      assert.equal((await asCookie(cookie, "GET", "/api/v1/session")).statusCode, 200);
      await setUserDisabled(testStore.store.db, "dora", true, operator);
      assert.equal((await asCookie(cookie, "GET", "/api/v1/session")).statusCode, 401);
      const refused = await signIn({ username: "dora", password: PASSWORD });
      assert.equal(refused.statusCode, 401);
      assert.deepEqual(
        refused.json(),
        (await signIn({ username: "dora", password: "wrong wrong wrong" })).json(),
      );
    });

    test("a new password ends sessions opened with the old one", async () => {
      const cookie = sessionCookie(await signIn({ username: "otto", password: PASSWORD }));
      const { db } = testStore.store;
      await setPassword(db, "otto", "a different long passphrase", {
        ...operator,
        clock: fixedClock("2026-06-02T00:00:00Z"),
      });
      assert.equal((await asCookie(cookie, "GET", "/api/v1/audit")).statusCode, 401);
      assert.equal((await signIn({ username: "otto", password: PASSWORD })).statusCode, 401);
      assert.equal(
        (await signIn({ username: "otto", password: "a different long passphrase" })).statusCode,
        200,
      );
    });

    test("sign-out ends the session", async () => {
      const cookie = sessionCookie(await signIn({ username: "sanne", password: PASSWORD }));
      const out = await asCookie(cookie, "DELETE", "/api/v1/session", CONSOLE);
      assert.equal(out.statusCode, 204);
      assert.match(String(out.headers["set-cookie"]), /Max-Age=0/);
      assert.equal((await asCookie(cookie, "GET", "/api/v1/session")).statusCode, 401);
    });

    test("sign-ins and sign-outs are audited with who and how, never the secret; refused sign-ins are not", async () => {
      const { db } = testStore.store;
      const before = (await findAudit(db, { action: "session.sign-in" })).length;
      const outBefore = (await findAudit(db, { action: "session.sign-out", username: "sanne" })).length;
      assert.equal((await signIn({ username: "sanne", password: "not her password" })).statusCode, 401);
      assert.equal(
        (await findAudit(db, { action: "session.sign-in" })).length,
        before,
        "a refusal writes nothing",
      );
      const cookie = sessionCookie(await signIn({ username: "sanne", password: PASSWORD }));
      const created = await createKey(db, { agencyId: nl, roles: ["analyst"] }, operator);
      assert.equal((await signIn({ apiKey: created.key })).statusCode, 200);
      assert.equal((await asCookie(cookie, "DELETE", "/api/v1/session", CONSOLE)).statusCode, 204);
      const signIns = (await findAudit(db, { action: "session.sign-in" })).slice(before);
      assert.deepEqual(
        signIns.map((e) => [
          e.body.method,
          e.body.username ?? e.body.keyId,
          (e.body.actor as { agencyId: string }).agencyId,
        ]),
        [
          ["password", "sanne", nl],
          ["key", created.id, nl],
        ],
      );
      const signOuts = (await findAudit(db, { action: "session.sign-out", username: "sanne" })).slice(
        outBefore,
      );
      assert.equal(signOuts.length, 1);
      const written = JSON.stringify([...signIns, ...signOuts]);
      assert.ok(!written.includes(PASSWORD) && !written.includes(created.key), "no secret in the log");
    });

    test("an API key signs in as {apiKey} or as a Bearer header; mixing both methods is bad input", async () => {
      const { db } = testStore.store;
      const created = await createKey(db, { agencyId: nl, roles: ["analyst"] }, operator);
      const byBody = await signIn({ apiKey: created.key });
      assert.equal(byBody.statusCode, 200, byBody.body);
      assert.deepEqual(byBody.json().roles, ["analyst"]);
      assert.equal(byBody.json().method, "key");
      assert.equal(byBody.json().keyId, created.id);
      const byHeader = await app.inject({
        method: "POST",
        url: "/api/v1/session",
        headers: { authorization: `Bearer ${created.key}` },
      });
      assert.equal(byHeader.statusCode, 200);
      const cookie = sessionCookie(byBody);
      assert.equal((await asCookie(cookie, "GET", "/api/v1/session")).json().keyId, created.id);
      const badKey = await signIn({
        apiKey: `${created.key.slice(0, -1)}${created.key.endsWith("A") ? "B" : "A"}`,
      });
      assert.equal(badKey.statusCode, 401);
      assert.match(badKey.json().detail, /unknown or revoked/);
      const mixed = await signIn({ apiKey: created.key, username: "sanne", password: PASSWORD });
      assert.equal(mixed.statusCode, 400);
      assert.equal((await signIn({ username: "sanne" })).statusCode, 400);
      assert.equal((await signIn({})).statusCode, 401);
    });
  });
}

describe("failed password sign-ins are limited per user name", () => {
  const MAX = 3;
  let testStore: TestStore;
  let app: FastifyInstance;
  let now = 0;

  before(async () => {
    testStore = await pgliteTestStore();
    const nl = (await addAgency(testStore.store.db, { country: "NL", name: "NL", type: "police" }, operator))
      .id;
    await person(testStore, nl, "femke", ["screener"]);
    // The session and auth plugins as the server wires them, with a small limit and a clock of the test's.
    app = Fastify();
    app.setErrorHandler((error, request, reply) => sendProblem(error, request, reply));
    const authenticator = createAuthenticator(testStore.store.db);
    await app.register(sessionPlugin, {
      sessions: createSessionStore(),
      db: testStore.store.db,
      authenticator,
      maxPasswordFailuresPerMinute: MAX,
      now: () => now,
    });
    await app.register(authPlugin, { authenticator, rateLimitPerMinute: 1000 });
  });
  after(async () => {
    await app.close();
    await testStore.dispose();
  });

  const signIn = (username: string, password: string) =>
    app.inject({ method: "POST", url: "/api/v1/session", payload: { username, password } });

  test("past the limit a name is refused with 429 for a minute, right password or not, known or not", async () => {
    for (const username of ["femke", "nobody-known"]) {
      for (let i = 0; i < MAX; i += 1)
        assert.equal((await signIn(username, `wrong password ${i}`)).statusCode, 401);
      const limited = await signIn(username, PASSWORD);
      assert.equal(limited.statusCode, 429, username);
      assert.equal(limited.json().code, "rate_limited");
    }
    assert.equal((await signIn("FEMKE", PASSWORD)).statusCode, 429, "the limit is on the name, in any case");
    now = 60_001;
    assert.equal((await signIn("femke", PASSWORD)).statusCode, 200, "checked again after a minute");
  });
});
