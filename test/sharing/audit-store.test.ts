import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { fixedClock } from "../../src/platform/clock.ts";
import { openStore, type Store } from "../../src/platform/db.ts";
import type { AuditEntry } from "../../src/sharing/audit-chain.ts";
import {
  appendAudit,
  appendAuditGrouped,
  auditBody,
  auditIdFor,
  tailAudit,
  verifyAuditLog,
} from "../../src/sharing/audit-log.ts";
import { LOCAL_OPERATOR } from "../../src/sharing/context.ts";
import { STORE_KINDS, type TestStore } from "../support/stores.ts";

const AT = fixedClock("2026-06-01T00:00:00Z").now();

async function append(store: Store, n: number): Promise<void> {
  for (let i = 0; i < n; i += 1) {
    await store.db.transaction((tx) => appendAudit(tx, auditBody(LOCAL_OPERATOR, AT, "test", { n: i })));
  }
}

/** Each tamper case starts from a fresh log of 6 entries, tampers with the rows directly and expects a named entry. */
const TAMPERING: { name: string; sql: string; brokenAt: number }[] = [
  {
    name: "a changed body",
    sql: `update audit_log set body = jsonb_set(body, '{n}', '99') where seq = 3`,
    brokenAt: 3,
  },
  {
    name: "a changed body with its own hash recomputed",
    sql: `update audit_log set body = jsonb_set(body, '{n}', '99'), hash = repeat('a', 64) where seq = 3`,
    brokenAt: 3,
  },
  { name: "a deleted middle row", sql: "delete from audit_log where seq = 4", brokenAt: 5 },
  {
    name: "two swapped rows",
    sql: "update audit_log set seq = -2 where seq = 2; update audit_log set seq = 2 where seq = 3; update audit_log set seq = 3 where seq = -2",
    brokenAt: 3, // the old third entry, now in second place
  },
  { name: "deleted newest rows", sql: "delete from audit_log where seq >= 5", brokenAt: 5 },
  {
    name: "an appended forged row",
    sql: `insert into audit_log select 'aud_forged', 7, hash, hash, body from audit_log where seq = 6`,
    brokenAt: 7,
  },
];

for (const kind of STORE_KINDS) {
  describe(`audit log on ${kind.name}`, () => {
    let testStore: TestStore;
    before(async () => {
      testStore = await kind.open();
    });
    after(() => testStore.dispose());

    test("an empty log verifies with no entries; appends chain and verify", async () => {
      assert.deepEqual(await verifyAuditLog(testStore.store.db), { ok: true, entries: 0 });
      await append(testStore.store, 5);
      assert.deepEqual(await verifyAuditLog(testStore.store.db), { ok: true, entries: 5 });
      const tail = await tailAudit(testStore.store.db, { limit: 2 });
      assert.deepEqual(
        tail.map((e) => e.seq),
        [4, 5],
      );
    });

    test("concurrent appends each get their own place in the chain", async () => {
      const before = (await tailAudit(testStore.store.db, { limit: 1 }))[0]?.seq ?? 0;
      await Promise.all(
        Array.from({ length: 12 }, (_, i) =>
          testStore.store.db.transaction((tx) =>
            appendAudit(tx, auditBody(LOCAL_OPERATOR, AT, "parallel", { i })),
          ),
        ),
      );
      const verdict = await verifyAuditLog(testStore.store.db);
      assert.deepEqual(verdict, { ok: true, entries: before + 12 });
    });

    test("grouped appends keep call order within a group, commit their alongside writes, and chain", async () => {
      const { db } = testStore.store;
      const before = (await tailAudit(db, { limit: 1 }))[0]?.seq ?? 0;
      const written: number[] = [];
      const entries = await Promise.all(
        Array.from({ length: 30 }, (_, i) =>
          appendAuditGrouped(db, auditBody(LOCAL_OPERATOR, AT, "grouped", { i }), async () => {
            written.push(i);
          }),
        ),
      );
      assert.deepEqual(
        entries.map((e) => e.seq),
        Array.from({ length: 30 }, (_, i) => before + 1 + i),
      );
      assert.deepEqual(
        written,
        Array.from({ length: 30 }, (_, i) => i),
      );
      assert.deepEqual(await verifyAuditLog(db), { ok: true, entries: before + 30 });
    });

    test("a grouped append after another writer moved the head follows that writer's entry", async () => {
      const { db } = testStore.store;
      await appendAuditGrouped(db, auditBody(LOCAL_OPERATOR, AT, "grouped", { i: 0 }));
      // Another writer (a CLI, another server process) appends behind this process's back.
      await testStore.store.db.transaction((tx) =>
        appendAudit(tx, auditBody(LOCAL_OPERATOR, AT, "other", {})),
      );
      const after = await appendAuditGrouped(db, auditBody(LOCAL_OPERATOR, AT, "grouped", { i: 1 }));
      const [newest] = await tailAudit(db, { limit: 1 });
      assert.equal(newest?.hash, after.hash);
      assert.equal((await verifyAuditLog(db)).ok, true);
    });

    test("a failing alongside write fails only its own call", async () => {
      const { db } = testStore.store;
      const calls = [0, 1, 2].map((i) =>
        appendAuditGrouped(db, auditBody(LOCAL_OPERATOR, AT, "grouped", { i }), async () => {
          if (i === 1) throw new Error("alongside failed");
        }),
      );
      const outcomes = await Promise.allSettled(calls);
      assert.deepEqual(
        outcomes.map((o) => o.status),
        ["fulfilled", "rejected", "fulfilled"],
      );
      assert.equal((await verifyAuditLog(db)).ok, true);
    });
  });

  if (kind.name === "PostgreSQL")
    describe("audit log with two writers on one PostgreSQL database", () => {
      let testStore: TestStore;
      let second: Store;
      before(async () => {
        testStore = await kind.open();
        // A second pool on the same database stands for another server process.
        second = await openStore({ databaseUrl: testStore.url ?? "" });
      });
      after(async () => {
        await second.close();
        await testStore.dispose();
      });

      test("grouped appends from both writers, round after round, each get their own place in one chain", async () => {
        const writers = [testStore.store.db, second.db];
        const entries: AuditEntry[] = [];
        // Each round both write at once, so each starts the next round behind the other's newest entry.
        for (let round = 0; round < 10; round++) {
          const calls = Array.from({ length: 8 }, (_, i) =>
            appendAuditGrouped(
              writers[i % 2] as Store["db"],
              auditBody(LOCAL_OPERATOR, AT, "race", { round, i }),
            ),
          );
          entries.push(...(await Promise.all(calls)));
        }
        assert.equal(new Set(entries.map((e) => e.seq)).size, 80, "every call its own seq");
        assert.deepEqual(await verifyAuditLog(testStore.store.db), { ok: true, entries: 80 });
        const stored = await tailAudit(testStore.store.db, { limit: 80 });
        assert.deepEqual(
          stored.map((e) => e.hash).sort(),
          entries.map((e) => e.hash).sort(),
          "every entry returned is the entry stored",
        );
      });
    });

  describe(`audit tampering on ${kind.name}`, () => {
    let testStore: TestStore;
    before(async () => {
      testStore = await kind.open();
    });
    after(() => testStore.dispose());

    for (const tamper of TAMPERING) {
      test(`verify names the first broken entry after ${tamper.name}`, async () => {
        const { store } = testStore;
        await store.exec("delete from audit_log; delete from audit_head");
        await append(store, 6);
        assert.deepEqual(await verifyAuditLog(store.db), { ok: true, entries: 6 });
        await store.exec(tamper.sql);
        const expected = tamper.name.includes("forged") ? "aud_forged" : auditIdFor(tamper.brokenAt);
        assert.deepEqual(await verifyAuditLog(store.db), { ok: false, firstBrokenAt: expected });
      });
    }
  });
}
