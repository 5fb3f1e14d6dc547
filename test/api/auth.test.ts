import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import type { FastifyInstance } from "fastify";
import { createAuthenticator } from "../../src/api/auth.ts";
import { buildServer } from "../../src/api/server.ts";
import { fixedClock } from "../../src/platform/clock.ts";
import { addAgency } from "../../src/sharing/agencies.ts";
import { createKey, revokeKey } from "../../src/sharing/api-keys.ts";
import { LOCAL_OPERATOR, type SharingContext } from "../../src/sharing/context.ts";
import { pgliteTestStore, type TestStore } from "../support/stores.ts";

const operator: SharingContext = { actor: LOCAL_OPERATOR, clock: fixedClock("2026-06-01T00:00:00Z") };
const RATE_LIMIT = 5;

describe("API authentication, roles and rate limit", () => {
  let testStore: TestStore;
  let app: FastifyInstance;
  let screener: { id: string; key: string };
  let other: { id: string; key: string };
  let agencyId: string;

  before(async () => {
    testStore = await pgliteTestStore();
    const { db } = testStore.store;
    agencyId = (await addAgency(db, { country: "NL", name: "NL unit", type: "police" }, operator)).id;
    screener = await createKey(db, { agencyId, roles: ["screener"] }, operator);
    other = await createKey(db, { agencyId, roles: ["screener"] }, operator);
    app = await buildServer({
      store: testStore.store,
      config: { bodyLimitBytes: 1 << 20, rateLimitPerMinute: RATE_LIMIT },
    });
  });
  after(async () => {
    await app.close();
    await testStore.dispose();
  });

  const get = (url: string, authorization?: string) =>
    app.inject({ method: "GET", url, headers: authorization ? { authorization } : {} });

  test("/health and the API docs need no key", async () => {
    assert.equal((await get("/health")).statusCode, 200);
    assert.equal((await get("/api/docs/json")).statusCode, 200);
  });

  test("no key, a malformed key, a wrong secret: 401 problem+json", async () => {
    const wrongSecret = `${screener.key.slice(0, -1)}${screener.key.endsWith("A") ? "B" : "A"}`;
    for (const authorization of [
      undefined,
      "Bearer",
      "Bearer nonsense",
      "Basic abc",
      `Bearer ${wrongSecret}`,
    ]) {
      const response = await get("/api/v1/notifications", authorization);
      assert.equal(response.statusCode, 401, String(authorization));
      assert.match(String(response.headers["content-type"]), /application\/problem\+json/);
      assert.equal(response.json().code, "unauthorized");
    }
  });

  test("a valid key passes; a route needing another role answers 403", async () => {
    assert.equal((await get("/api/v1/notifications", `Bearer ${screener.key}`)).statusCode, 200);
    const forbidden = await get("/api/v1/audit", `Bearer ${screener.key}`);
    assert.equal(forbidden.statusCode, 403);
    assert.equal(forbidden.json().code, "forbidden");
  });

  test("each key has its own rate limit; past it, 429 problem+json", async () => {
    const statuses: number[] = [];
    for (let i = 0; i < RATE_LIMIT + 1; i += 1)
      statuses.push((await get("/api/v1/agencies", `Bearer ${other.key}`)).statusCode);
    assert.deepEqual(statuses.slice(0, RATE_LIMIT), Array(RATE_LIMIT).fill(200));
    const limited = await get("/api/v1/agencies", `Bearer ${other.key}`);
    assert.equal(limited.statusCode, 429);
    assert.equal(limited.json().code, "rate_limited");
    assert.notEqual((await get("/api/v1/agencies", `Bearer ${screener.key}`)).statusCode, 429);
  });

  test("the authenticator caches a success, drops it on forget, and expires it", async () => {
    const { db } = testStore.store;
    let now = 0;
    const auth = createAuthenticator(db, { ttlMs: 1000, now: () => now });
    const created = await createKey(db, { agencyId, roles: ["analyst"] }, operator);
    assert.equal((await auth.authenticate(created.key))?.keyId, created.id);
    // Revoked behind the cache's back (another process): still trusted until the entry expires or is dropped.
    await revokeKey(db, created.id, operator);
    assert.equal((await auth.authenticate(created.key))?.keyId, created.id);
    now = 1001;
    assert.equal(await auth.authenticate(created.key), null);
    const again = await createKey(db, { agencyId, roles: ["analyst"] }, operator);
    assert.ok(await auth.authenticate(again.key));
    await revokeKey(db, again.id, operator);
    auth.forget(again.id);
    assert.equal(await auth.authenticate(again.key), null);
  });

  /** An authenticator over a store wrapper that counts its reads of the key table (one per scrypt check). */
  function countingAuthenticator() {
    const { db } = testStore.store;
    const counted = { reads: 0 };
    const counting = new Proxy(db, {
      get(target, property, receiver) {
        if (property === "select") counted.reads++;
        const value = Reflect.get(target, property, receiver);
        return typeof value === "function" ? value.bind(target) : value;
      },
    });
    return { auth: createAuthenticator(counting), counted };
  }

  test("requests carrying one key while its entry is missing share one check", async () => {
    const { auth, counted } = countingAuthenticator();
    const created = await createKey(testStore.store.db, { agencyId, roles: ["analyst"] }, operator);
    const actors = await Promise.all(Array.from({ length: 8 }, () => auth.authenticate(created.key)));
    assert.deepEqual(
      actors.map((actor) => actor?.keyId),
      Array(8).fill(created.id),
    );
    assert.equal(counted.reads, 1);
  });

  test("a check under way when its key is forgotten does not put the key in the cache", async () => {
    const { auth, counted } = countingAuthenticator();
    const created = await createKey(testStore.store.db, { agencyId, roles: ["analyst"] }, operator);
    const underWay = auth.authenticate(created.key);
    auth.forget(created.id);
    assert.equal((await underWay)?.keyId, created.id);
    await auth.authenticate(created.key);
    assert.equal(counted.reads, 2, "checked again, not answered from the cache");
  });

  test("guessing at a key id stops being checked after too many misses; the holder's cached key still works", async () => {
    const { db } = testStore.store;
    let now = 0;
    const auth = createAuthenticator(db, { maxFailuresPerMinute: 3, now: () => now });
    const created = await createKey(db, { agencyId, roles: ["analyst"] }, operator);
    assert.ok(await auth.authenticate(created.key));
    const guess = (i: number) => `${created.key.slice(0, -2)}${i}${created.key.endsWith("A") ? "B" : "A"}`;
    for (let i = 0; i < 3; i += 1) assert.equal(await auth.authenticate(guess(i)), null);
    await assert.rejects(auth.authenticate(guess(3)), /too many failed attempts/);
    assert.ok(await auth.authenticate(created.key), "the cached key is not locked out");
    now = 60_001;
    assert.equal(await auth.authenticate(guess(4)), null, "checked again after a minute");
  });
});
