import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { count } from "drizzle-orm";
import type { FtmEntity } from "../../src/model/entity.ts";
import type { Db } from "../../src/platform/db.ts";
import { isFtfxError } from "../../src/platform/errors.ts";
import { setEntityStatus, updateEntity } from "../../src/registry/changes.ts";
import { entityHistory } from "../../src/registry/history.ts";
import { type ImportInput, importEntities } from "../../src/registry/import.ts";
import { exportEntities, getEntity, listEntities } from "../../src/registry/queries.ts";
import { entities, entityVersions, imports } from "../../src/registry/schema.ts";
import { syntheticPeople } from "../../src/registry/synthetic.ts";
import { STORE_KINDS, type TestStore } from "../support/stores.ts";

function person(id: string, name: string, birthDate = "1980-01-01"): FtmEntity {
  return { id, schema: "Person", properties: { name: [name], birthDate: [birthDate], nationality: ["sy"] } };
}

const EDITION_1: FtmEntity[] = [
  person("t-1", "Amina Haddad"),
  person("t-2", "Omar Khalil", "1975"),
  person("t-3", "Иван Петров"),
  {
    id: "t-2-pp",
    schema: "Passport",
    properties: { holder: ["t-2"], number: ["AB1234567"], country: ["sy"] },
  },
];

function edition(list: FtmEntity[], extra: Partial<ImportInput> = {}): ImportInput {
  return {
    source: "test",
    dataset: "test-list",
    file: "list.json",
    actor: "tester",
    entities: list,
    ...extra,
  };
}

async function tableCounts(db: Db): Promise<number[]> {
  const counts: number[] = [];
  for (const table of [entities, entityVersions, imports]) {
    const [row] = await db.select({ n: count() }).from(table);
    counts.push(row?.n ?? -1);
  }
  return counts;
}

async function collect(db: Db): Promise<FtmEntity[]> {
  const all: FtmEntity[] = [];
  for await (const entity of exportEntities(db)) all.push(entity);
  return all;
}

async function rejectsBadInput(work: Promise<unknown>): Promise<void> {
  await assert.rejects(work, (error) => isFtfxError(error) && error.code === "bad_input");
}

for (const kind of STORE_KINDS) {
  describe(`registry import on ${kind.name}`, () => {
    let store: TestStore;
    let db: Db;
    before(async () => {
      store = await kind.open();
      db = store.store.db;
    });
    after(() => store.dispose());

    test("a first edition adds every entity as version 1 with default provenance", async () => {
      const counts = await importEntities(db, edition(EDITION_1));
      assert.deepEqual(
        { ...counts, importId: undefined },
        { added: EDITION_1.length, updated: 0, unchanged: 0, delisted: 0, importId: undefined },
      );
      const omar = await getEntity(db, "t-2");
      assert.equal(omar.caption, "Omar Khalil");
      assert.equal(omar.version, 1);
      assert.equal(omar.status, "active");
      assert.equal(omar.originator, "local");
      assert.equal(omar.handling, "AMBER");
      assert.deepEqual(omar.datasets, ["test-list"]);
      assert.deepEqual(await tableCounts(db), [EDITION_1.length, EDITION_1.length, 1]);
    });

    test("re-running the same edition changes nothing", async () => {
      const [, versionsBefore] = await tableCounts(db);
      const counts = await importEntities(db, edition(EDITION_1));
      assert.equal(counts.unchanged, EDITION_1.length);
      assert.equal(counts.added + counts.updated + counts.delisted, 0);
      const [, versionsAfter] = await tableCounts(db);
      assert.equal(versionsAfter, versionsBefore);
    });

    test("a changed entity gets a new version whose history names the actor and the diff", async () => {
      const changed = EDITION_1.map((e) => (e.id === "t-1" ? person("t-1", "Amina Al-Haddad") : e));
      const counts = await importEntities(db, edition(changed, { actor: "analyst-7" }));
      assert.deepEqual([counts.added, counts.updated, counts.unchanged], [0, 1, EDITION_1.length - 1]);
      const history = await entityHistory(db, "t-1");
      assert.deepEqual(
        history.map((v) => [v.version, v.change, v.actor]),
        [
          [1, "created", "tester"],
          [2, "updated", "analyst-7"],
        ],
      );
      assert.deepEqual(history[1]?.properties, [
        { property: "name", added: ["Amina Al-Haddad"], removed: ["Amina Haddad"] },
      ]);
      assert.equal((await getEntity(db, "t-1")).caption, "Amina Al-Haddad");
    });

    test("every version keeps the state the entity had then, the current one included", async () => {
      const properties = { ...person("t-1", "Amina H. Al-Haddad").properties };
      await updateEntity(db, "t-1", { properties }, { actor: "analyst-7" });
      const history = await entityHistory(db, "t-1");
      assert.deepEqual(
        history.map((v) => [v.version, v.state.properties.name, v.state.caption]),
        [
          [1, ["Amina Haddad"], "Amina Haddad"],
          [2, ["Amina Al-Haddad"], "Amina Al-Haddad"],
          [3, ["Amina H. Al-Haddad"], "Amina H. Al-Haddad"],
        ],
      );
      assert.deepEqual(history[2]?.properties, [
        { property: "name", added: ["Amina H. Al-Haddad"], removed: ["Amina Al-Haddad"] },
      ]);
      const current = await getEntity(db, "t-1");
      const { id: _id, lastSeen: _lastSeen, version: _version, ...state } = current;
      assert.deepEqual(history[2]?.state, state);
    });

    test("an entity missing from an edition is delisted, kept, and relisted when it returns", async () => {
      const [entityCount] = await tableCounts(db);
      const withoutIvan = EDITION_1.filter((e) => e.id !== "t-3");
      const counts = await importEntities(db, edition(withoutIvan));
      assert.equal(counts.delisted, 1);
      const ivan = await getEntity(db, "t-3");
      assert.equal(ivan.status, "delisted");
      assert.equal((await entityHistory(db, "t-3")).at(-1)?.change, "delisted");
      assert.equal((await tableCounts(db))[0], entityCount, "nothing deleted");

      const again = await importEntities(db, edition(withoutIvan));
      assert.equal(again.delisted, 0, "already delisted");

      const back = await importEntities(db, edition(EDITION_1));
      assert.equal(back.updated, 1);
      const history = await entityHistory(db, "t-3");
      assert.deepEqual(
        history.map((v) => v.change),
        ["created", "delisted", "relisted"],
      );
      assert.deepEqual(history[2]?.fields, [{ field: "status", before: "delisted", after: "active" }]);
      assert.equal((await getEntity(db, "t-3")).status, "active");
    });

    test("another dataset's edition never delists this one's entities", async () => {
      const counts = await importEntities(
        db,
        edition([person("o-1", "Other Person")], { dataset: "other-list" }),
      );
      assert.deepEqual([counts.added, counts.delisted], [1, 0]);
      assert.equal((await listEntities(db, { status: "delisted", limit: 10, offset: 0 })).total, 0);
    });

    test("withdrawal and updates by people make versions; a new edition does not undo a withdrawal", async () => {
      await setEntityStatus(db, "t-2", "withdrawn", { actor: "unit-fr" });
      const updated = await updateEntity(
        db,
        "t-2",
        { handling: "RED", reviewBy: "2027-01-01" },
        { actor: "unit-fr" },
      );
      assert.equal(updated.handling, "RED");
      assert.equal(updated.reviewBy, "2027-01-01T00:00:00.000Z");
      await importEntities(db, edition(EDITION_1));
      const omar = await getEntity(db, "t-2");
      assert.equal(omar.status, "withdrawn");
      assert.equal(omar.handling, "RED");
      const history = await entityHistory(db, "t-2");
      assert.deepEqual(
        history.map((v) => [v.change, v.actor]),
        [
          ["created", "tester"],
          ["withdrawn", "unit-fr"],
          ["updated", "unit-fr"],
        ],
      );
      const fields = history[2]?.fields.map((f) => f.field);
      assert.deepEqual(fields, ["handling", "reviewBy"]);
      const unchanged = await updateEntity(db, "t-2", { handling: "RED" }, { actor: "unit-fr" });
      assert.equal(unchanged.version, omar.version, "no version for a change that changes nothing");
    });

    test("an invalid entity anywhere in the batch rejects the import and writes nothing", async () => {
      const countsBefore = await tableCounts(db);
      const bad: FtmEntity = { id: "t-9", schema: "Person", properties: { colour: ["blue"] } };
      const changed = [person("t-1", "Changed Before The Bad One"), ...EDITION_1.slice(1), bad];
      await rejectsBadInput(importEntities(db, edition(changed)));
      await rejectsBadInput(importEntities(db, edition([...EDITION_1, person("t-1", "Twice")])));
      await rejectsBadInput(
        importEntities(db, edition([{ id: "t-8", schema: "Spaceship", properties: {} }])),
      );
      assert.deepEqual(await tableCounts(db), countsBefore);
      assert.equal((await getEntity(db, "t-1")).caption, "Amina Haddad");
    });

    test("a failure half-way through a large import rolls everything back", async () => {
      const synthetic = syntheticPeople(1500, 99);
      await importEntities(db, edition(synthetic, { dataset: "synthetic" }));
      const countsBefore = await tableCounts(db);
      const exportBefore = await collect(db);
      const nextEdition = syntheticPeople(1600, 100).map((e, i) => ({ ...e, id: synthetic[i]?.id ?? e.id }));
      let calls = 0;
      const failing = edition(nextEdition, {
        dataset: "synthetic",
        onProgress: () => {
          calls++;
          throw new Error("disk full (injected)");
        },
      });
      await assert.rejects(importEntities(db, failing), /injected/);
      assert.equal(calls, 1, "failed after the first chunk was written");
      assert.deepEqual(await tableCounts(db), countsBefore);
      assert.deepEqual(await collect(db), exportBefore);
    });

    test("export then import into a fresh store gives the same entities", async () => {
      const exported = await collect(db);
      const fresh = await kind.open();
      try {
        const counts = await importEntities(fresh.store.db, edition(exported, { dataset: "round-trip" }));
        assert.equal(counts.added, exported.length);
        assert.deepEqual(await collect(fresh.store.db), exported);
      } finally {
        await fresh.dispose();
      }
    });
  });
}
