import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import type { FtmEntity } from "../../src/model/entity.ts";
import { setEntityStatus, updateEntity } from "../../src/registry/changes.ts";
import { importEntities } from "../../src/registry/import.ts";
import { LiveMatchIndex, loadActiveEntities } from "../../src/registry/live-index.ts";
import { STORE_KINDS, type TestStore } from "../support/stores.ts";

const person = (id: string, name: string, birthDate: string): FtmEntity => ({
  id,
  schema: "Person",
  properties: { name: [name], birthDate: [birthDate], notes: ["SYNTHETIC test record"] },
});
const passport = (id: string, holder: string, number: string): FtmEntity => ({
  id,
  schema: "Passport",
  properties: { holder: [holder], number: [number], country: ["sy"] },
});

const EDITION = [
  person("p-1", "Tarek Haddad Synthetic", "1981-04-02"),
  person("p-2", "Marta Kowalczyk Synthetic", "1990-11-20"),
  passport("p-1-pass", "p-1", "N0012345"),
];

for (const kind of STORE_KINDS) {
  describe(`live matching index on ${kind.name}`, () => {
    let testStore: TestStore;
    let live: LiveMatchIndex;

    before(async () => {
      testStore = await kind.open();
      await importEntities(testStore.store.db, {
        source: "test",
        dataset: "synthetic-test",
        file: "test",
        actor: "test",
        entities: EDITION,
      });
      live = await LiveMatchIndex.open(testStore.store);
    });
    after(async () => {
      await live.close();
      await testStore.dispose();
    });

    test("builds from the active entities, joining documents to their holder", () => {
      assert.equal(live.index.size, 2);
      const [top] = live.index.search({ name: "Tarek Haddad Synthetic" });
      assert.equal(top?.entityId, "p-1");
    });

    test("an update made through the registry is seen after its notice", async () => {
      const db = testStore.store.db;
      await updateEntity(
        db,
        "p-2",
        { properties: { name: ["Ewa Nowicka Synthetic"], notes: ["SYNTHETIC test record"] } },
        { actor: "test" },
      );
      await waitFor(() => live.index.search({ name: "Ewa Nowicka Synthetic" })[0]?.entityId === "p-2");
      const oldName = live.index.search({ name: "Marta Kowalczyk Synthetic" });
      assert.ok(oldName.every((m) => m.entityId !== "p-2" || !m.alert));
    });

    test("refreshing subjects reads them with the documents they hold", async () => {
      const db = testStore.store.db;
      const ids = async (subjects: string[]) =>
        (await loadActiveEntities(db, subjects)).map((e) => e.id).sort();
      assert.deepEqual(await ids(["p-1"]), ["p-1", "p-1-pass"]);
      assert.deepEqual(await ids(["p-2"]), ["p-2"]);
      assert.deepEqual(await ids(["p-1", "p-2"]), ["p-1", "p-1-pass", "p-2"]);
    });

    test("a withdrawn record stops matching", async () => {
      await setEntityStatus(testStore.store.db, "p-1", "withdrawn", { actor: "test" });
      await waitFor(() => !live.index.has("p-1"));
      assert.ok(live.index.search({ name: "Tarek Haddad Synthetic" }).every((m) => m.entityId !== "p-1"));
    });
  });
}

/** Notices arrive asynchronously: poll briefly until the condition holds, or fail naming it. */
async function waitFor(condition: () => boolean, timeoutMs = 10_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > until) throw new Error("the matching index did not catch up with the registry");
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
