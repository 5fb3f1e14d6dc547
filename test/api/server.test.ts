import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import type { FastifyInstance } from "fastify";
import { buildServer } from "../../src/api/server.ts";
import { systemClock } from "../../src/platform/clock.ts";
import { loadDemoIfEmpty } from "../../src/registry/demo-load.ts";
import { SYNTHETIC_DATASET } from "../../src/registry/synthetic.ts";
import { addAgency } from "../../src/sharing/agencies.ts";
import { createKey } from "../../src/sharing/api-keys.ts";
import { LOCAL_AGENCY, LOCAL_OPERATOR } from "../../src/sharing/context.ts";
import { pgliteTestStore, type TestStore } from "../support/stores.ts";

describe("HTTP server", () => {
  let testStore: TestStore;
  let app: FastifyInstance;
  let key: string;
  /** GET as the node's own analyst: the demo records' originator is the local agency. */
  const get = (url: string) =>
    app.inject({ method: "GET", url, headers: { authorization: `Bearer ${key}` } });

  before(async () => {
    testStore = await pgliteTestStore();
    await loadDemoIfEmpty(testStore.store.db, 40);
    const context = { actor: LOCAL_OPERATOR, clock: systemClock };
    key = (await createKey(testStore.store.db, { agencyId: LOCAL_AGENCY, roles: ["analyst"] }, context)).key;
    app = await buildServer({ store: testStore.store, config: { bodyLimitBytes: 1024 * 1024 } });
  });
  after(async () => {
    await app.close();
    await testStore.dispose();
  });

  test("/health answers ok with the store kind", async () => {
    const response = await app.inject({ method: "GET", url: "/health" });
    assert.equal(response.statusCode, 200);
    assert.deepEqual(response.json(), { status: "ok", store: "pglite" });
  });

  test("the OpenAPI document lists the entity routes", async () => {
    const response = await app.inject({ method: "GET", url: "/api/docs/json" });
    assert.equal(response.statusCode, 200);
    const paths = Object.keys(response.json().paths);
    assert.ok(paths.includes("/api/v1/entities"), paths.join(","));
    assert.ok(paths.includes("/api/v1/entities/{id}"), paths.join(","));
  });

  test("entities are paged and filtered, and every demo record is labelled synthetic", async () => {
    const first = await get("/api/v1/entities?schema=Person&limit=5");
    assert.equal(first.statusCode, 200);
    const page = first.json();
    assert.equal(page.total, 40);
    assert.equal(page.items.length, 5);
    for (const item of page.items) {
      assert.equal(item.schema, "Person");
      assert.deepEqual(item.datasets, [SYNTHETIC_DATASET]);
      assert.match(item.properties.notes.join(" "), /SYNTHETIC/);
    }
    const second = await get("/api/v1/entities?schema=Person&limit=5&offset=5");
    const firstIds = new Set(page.items.map((i: { id: string }) => i.id));
    assert.ok(second.json().items.every((i: { id: string }) => !firstIds.has(i.id)));
  });

  test("the API refuses a request without a key, as problem+json 401", async () => {
    const response = await app.inject({ method: "GET", url: "/api/v1/entities" });
    assert.equal(response.statusCode, 401);
    assert.equal(response.json().code, "unauthorized");
  });

  test("one entity by id, and a missing one is a problem+json 404", async () => {
    const list = (await get("/api/v1/entities?limit=1")).json();
    const id = list.items[0].id;
    const found = await get(`/api/v1/entities/${id}`);
    assert.equal(found.statusCode, 200);
    assert.equal(found.json().id, id);
    const missing = await get("/api/v1/entities/no-such-id?purpose=analysis");
    assert.equal(missing.statusCode, 404);
    assert.equal(missing.headers["content-type"], "application/problem+json; charset=utf-8");
    assert.equal(missing.json().code, "not_found");
  });

  test("the originator reads a record's version history; another agency's record answers as missing", async () => {
    const id = (await get("/api/v1/entities?limit=1")).json().items[0].id;
    const history = await get(`/api/v1/entities/${id}/history`);
    assert.equal(history.statusCode, 200);
    assert.equal(history.json()[0].version, 1);
    assert.equal(history.json()[0].change, "created");
    const context = { actor: LOCAL_OPERATOR, clock: systemClock };
    const other = await addAgency(
      testStore.store.db,
      { country: "DE", name: "DE unit", type: "border" },
      context,
    );
    const otherKey = (
      await createKey(testStore.store.db, { agencyId: other.id, roles: ["analyst"] }, context)
    ).key;
    const asOther = await app.inject({
      method: "GET",
      url: `/api/v1/entities/${id}/history`,
      headers: { authorization: `Bearer ${otherKey}` },
    });
    const missing = await get("/api/v1/entities/no-such-id/history");
    assert.equal(asOther.statusCode, 404);
    assert.equal(asOther.json().detail.replace(id, "ID"), missing.json().detail.replace("no-such-id", "ID"));
  });

  test("a bad query parameter is a problem+json 400 naming it", async () => {
    const response = await get("/api/v1/entities?limit=100000");
    assert.equal(response.statusCode, 400);
    assert.equal(response.json().status, 400);
    assert.match(response.json().detail, /limit/);
  });
});
