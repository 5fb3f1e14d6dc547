import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import type { FtmEntity } from "../../src/model/entity.ts";
import type { Db } from "../../src/platform/db.ts";
import { importEntities } from "../../src/registry/import.ts";
import { findEntity, getEntity, listEntities, registryStats } from "../../src/registry/queries.ts";
import { SYNTHETIC_DATASET, syntheticPeople } from "../../src/registry/synthetic.ts";
import { STORE_KINDS, type TestStore } from "../support/stores.ts";

const SYNTHETIC = syntheticPeople(300);
const OTHER: FtmEntity[] = [
  { id: "o-1", schema: "Organization", properties: { name: ["Example Relief Fund"] }, listRef: "QDe.999" },
];

for (const kind of STORE_KINDS) {
  describe(`registry reads on ${kind.name}`, () => {
    let store: TestStore;
    let db: Db;
    before(async () => {
      store = await kind.open();
      db = store.store.db;
      const base = { file: "test", actor: "tester" };
      await importEntities(db, {
        ...base,
        source: "synthetic",
        dataset: SYNTHETIC_DATASET,
        entities: SYNTHETIC,
      });
      await importEntities(db, {
        ...base,
        source: "un",
        dataset: "un-test",
        entities: OTHER,
        originator: "un",
      });
    });
    after(() => store.dispose());

    test("list filters by schema and dataset, pages, and reports the total", async () => {
      const people = SYNTHETIC.filter((e) => e.schema === "Person").length;
      const page = await listEntities(db, {
        schema: "Person",
        dataset: SYNTHETIC_DATASET,
        limit: 25,
        offset: 50,
      });
      assert.equal(page.total, people);
      assert.equal(page.items.length, 25);
      assert.ok(page.items.every((e) => e.schema === "Person" && e.datasets.includes(SYNTHETIC_DATASET)));
      const un = await listEntities(db, { dataset: "un-test", limit: 10, offset: 0 });
      assert.deepEqual(
        un.items.map((e) => [e.id, e.listRef, e.originator]),
        [["o-1", "QDe.999", "un"]],
      );
    });

    test("stats count by dataset, schema, originator and status", async () => {
      const stats = await registryStats(db);
      assert.equal(stats.total, SYNTHETIC.length + OTHER.length);
      assert.equal(stats.byDataset[SYNTHETIC_DATASET], SYNTHETIC.length);
      assert.equal(stats.bySchema.Passport, SYNTHETIC.filter((e) => e.schema === "Passport").length);
      assert.deepEqual(stats.byOriginator, { local: SYNTHETIC.length, un: 1 });
      assert.deepEqual(stats.byStatus, { active: stats.total });
    });

    test("a missing id is undefined for find and a not-found error for get", async () => {
      assert.equal(await findEntity(db, "nope"), undefined);
      await assert.rejects(getEntity(db, "nope"), { code: "not_found" });
    });
  });
}
