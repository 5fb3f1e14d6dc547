import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { setTimeout as sleep } from "node:timers/promises";
import pg from "pg";
import { POSTGRES_ADMIN_URL, postgresTestStore, type TestStore } from "../support/stores.ts";

describe("PostgreSQL store", () => {
  let testStore: TestStore;
  before(async () => {
    testStore = await postgresTestStore();
  });
  after(() => testStore.dispose());

  test("survives the server ending its idle connections, and keeps answering", async () => {
    const { store, url } = testStore;
    assert.ok(url);
    const database = new URL(url).pathname.slice(1);
    await store.exec("select 1");
    const admin = new pg.Client({ connectionString: POSTGRES_ADMIN_URL });
    await admin.connect();
    try {
      const ended = await admin.query(
        "select pg_terminate_backend(pid) as ok from pg_stat_activity where datname = $1 and pid <> pg_backend_pid()",
        [database],
      );
      assert.ok(ended.rowCount && ended.rowCount > 0, "the store held an idle connection to end");
    } finally {
      await admin.end();
    }
    // Give the lost connection's error event time to arrive; unhandled, it would end the test process.
    await sleep(100);
    const rows = await store.db.execute("select 42 as answer");
    assert.equal(Number((rows as unknown as { rows: { answer: number }[] }).rows[0]?.answer), 42);
  });
});
