import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { loadRelationships } from "../../src/finance/registry-screening.ts";
import type { FtmEntity } from "../../src/model/entity.ts";
import { setEntityStatus } from "../../src/registry/changes.ts";
import { importEntities } from "../../src/registry/import.ts";
import { loadActiveEntities } from "../../src/registry/live-index.ts";
import { pgliteTestStore, type TestStore } from "../support/stores.ts";

const person = (id: string, name: string): FtmEntity => ({
  id,
  schema: "Person",
  properties: { name: [name], notes: ["SYNTHETIC test record"] },
});
const ENTITIES: FtmEntity[] = [
  person("p-a", "Amir Zelkovani"),
  person("p-b", "Bashir Zelkovani"),
  person("p-c", "Cemal Orhunbey"),
  {
    id: "fam-ab",
    schema: "Family",
    properties: { person: ["p-a"], relative: ["p-b"], relationship: ["brother"] },
  },
  { id: "mem-c", schema: "Membership", properties: { member: ["p-c"], organization: ["o-1"] } },
  { id: "o-1", schema: "Organization", properties: { name: ["SYNTHETIC Relief Fund"] } },
];
const match = (entityId: string, caption: string) => ({
  entityId,
  caption,
  score: 0.99,
  alert: true,
  explanation: [],
});

describe("relationships read from the registry", () => {
  let testStore: TestStore;
  before(async () => {
    testStore = await pgliteTestStore();
    await importEntities(testStore.store.db, {
      source: "test",
      dataset: "synthetic-test",
      file: "test",
      actor: "test",
      entities: ENTITIES,
    });
  });
  after(() => testStore.dispose());

  test("every active link, both ways, named by the registry's captions", async () => {
    const graph = await loadRelationships(testStore.store.db);
    const [brother] = graph.relatedTo([match("p-b", "Bashir Zelkovani")]);
    assert.deepEqual(brother, {
      subjectId: "p-a",
      subjectName: "Amir Zelkovani",
      relation: "brother",
      relatedEntityId: "p-b",
      relatedName: "Bashir Zelkovani",
    });
    const [organisation] = graph.relatedTo([match("o-1", "SYNTHETIC Relief Fund")]);
    assert.equal(organisation?.relation, "organisation (member)");
    assert.equal(organisation?.subjectName, "Cemal Orhunbey");
    assert.equal(graph.relatedTo([match("p-c", "Cemal Orhunbey")])[0]?.relation, "member");
  });

  test("a link the screening agency may not know of, or whose end it may not, does not count", async () => {
    const hidden = new Set(["p-a"]);
    const visible = async (ids: string[]) => new Set(ids.filter((id) => !hidden.has(id)));
    const graph = await loadRelationships(testStore.store.db, visible);
    assert.deepEqual(graph.relatedTo([match("p-b", "Bashir Zelkovani")]), []);
    assert.equal(graph.relatedTo([match("o-1", "SYNTHETIC Relief Fund")]).length, 1);
  });

  test("a withdrawn link is gone; active entities exclude it too", async () => {
    const { db } = testStore.store;
    await setEntityStatus(db, "mem-c", "withdrawn", { actor: "test" });
    const graph = await loadRelationships(db);
    assert.deepEqual(graph.relatedTo([match("o-1", "SYNTHETIC Relief Fund")]), []);
    const active = await loadActiveEntities(db);
    assert.equal(active.length, ENTITIES.length - 1);
  });
});
