import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { after, before, describe, test } from "node:test";
import { asc, sql } from "drizzle-orm";
import type { FtmEntity } from "../../src/model/entity.ts";
import { fixedClock } from "../../src/platform/clock.ts";
import type { Db } from "../../src/platform/db.ts";
import { setEntityStatus, updateEntity } from "../../src/registry/changes.ts";
import { type ImportInput, importEntities } from "../../src/registry/import.ts";
import { entitiesReferringTo, referencesOf } from "../../src/registry/refs.ts";
import { entities, entityRefs } from "../../src/registry/schema.ts";
import { LOCAL_OPERATOR } from "../../src/sharing/context.ts";
import { runRetention } from "../../src/sharing/retention.ts";
import { STORE_KINDS, type TestStore } from "../support/stores.ts";

const PERSONS: FtmEntity[] = ["p-1", "p-2", "p-3"].map((id) => ({
  id,
  schema: "Person",
  properties: { name: [`Person ${id}`] },
}));
const PASSPORT: FtmEntity = {
  id: "pp-1",
  schema: "Passport",
  properties: { holder: ["p-1"], number: ["X1"] },
};
const SANCTION: FtmEntity = { id: "s-1", schema: "Sanction", properties: { entity: ["p-1"] } };
const FAMILY: FtmEntity = {
  id: "f-1",
  schema: "Family",
  properties: { person: ["p-1"], relative: ["p-2"] },
};
const EDITION = [...PERSONS, PASSPORT, SANCTION, FAMILY];

function edition(list: FtmEntity[]): ImportInput {
  return { source: "test", dataset: "refs", file: "refs.json", actor: "tester", entities: list };
}

/** The table as `ref <- entity (property)` lines, sorted. */
async function refLines(db: Db): Promise<string[]> {
  const rows = await db
    .select()
    .from(entityRefs)
    .orderBy(asc(entityRefs.refId), asc(entityRefs.entityId), asc(entityRefs.property));
  return rows.map((r) => `${r.refId} <- ${r.entityId} (${r.property})`);
}

/** The references the stored properties make, read from the entities themselves. */
async function derivedLines(db: Db): Promise<string[]> {
  const result = await db.execute(referencesOf(sql`${entities}`));
  // Both drivers answer { rows }; Drizzle's shared database type does not say so.
  const { rows } = result as unknown as { rows: { ref_id: string; id: string; property: string }[] };
  return rows.map((r) => `${r.ref_id} <- ${r.id} (${r.property})`).sort();
}

async function assertRefs(db: Db, expected: string[]): Promise<void> {
  assert.deepEqual(await refLines(db), [...expected].sort());
  assert.deepEqual(await derivedLines(db), [...expected].sort(), "the table follows the properties");
}

async function referrersOf(db: Db, id: string): Promise<string[]> {
  return (await entitiesReferringTo(db, [id])).map((r) => r.row.id);
}

const FIRST_EDITION_REFS = [
  "p-1 <- pp-1 (holder)",
  "p-1 <- s-1 (entity)",
  "p-1 <- f-1 (person)",
  "p-2 <- f-1 (relative)",
];

for (const kind of STORE_KINDS) {
  describe(`entity references on ${kind.name}`, () => {
    let opened: TestStore;
    let db: Db;
    before(async () => {
      opened = await kind.open();
      db = opened.store.db;
    });
    after(async () => opened.dispose());

    test("an import writes one row per reference", async () => {
      await importEntities(db, edition(EDITION));
      await assertRefs(db, FIRST_EDITION_REFS);
      assert.deepEqual(await referrersOf(db, "p-1"), ["f-1", "pp-1", "s-1"]);
      assert.deepEqual(await referrersOf(db, "p-3"), []);
    });

    test("a new edition that moves a reference moves its row", async () => {
      const moved = { ...PASSPORT, properties: { ...PASSPORT.properties, holder: ["p-3"] } };
      await importEntities(db, edition([...PERSONS, moved, SANCTION, FAMILY]));
      const expected = ["p-3 <- pp-1 (holder)", ...FIRST_EDITION_REFS.filter((l) => !l.includes("pp-1"))];
      await assertRefs(db, expected);
      assert.deepEqual(await referrersOf(db, "p-3"), ["pp-1"]);
      assert.deepEqual(await referrersOf(db, "p-1"), ["f-1", "s-1"]);
    });

    test("an update of the properties rewrites the entity's references", async () => {
      await updateEntity(
        db,
        "f-1",
        { properties: { person: ["p-2"], relative: ["p-3"] } },
        { actor: "analyst" },
      );
      await assertRefs(db, [
        "p-3 <- pp-1 (holder)",
        "p-1 <- s-1 (entity)",
        "p-2 <- f-1 (person)",
        "p-3 <- f-1 (relative)",
      ]);
      assert.deepEqual(await referrersOf(db, "p-3"), ["f-1", "pp-1"]);
    });

    test("delisted and withdrawn records keep their references: disclosure still finds them", async () => {
      const counts = await importEntities(db, edition([...PERSONS, SANCTION]));
      assert.equal(counts.delisted, 2, "the passport and the family link");
      await setEntityStatus(db, "s-1", "withdrawn", { actor: "analyst" });
      await assertRefs(db, [
        "p-3 <- pp-1 (holder)",
        "p-1 <- s-1 (entity)",
        "p-2 <- f-1 (person)",
        "p-3 <- f-1 (relative)",
      ]);
      const [passport] = await entitiesReferringTo(db, ["p-3", "p-1"]).then((rows) =>
        rows.filter((r) => r.row.id === "pp-1"),
      );
      assert.equal(passport?.row.status, "delisted");
      assert.deepEqual(passport?.refIds, ["p-3"]);
      assert.deepEqual(await referrersOf(db, "p-1"), ["s-1"]);
    });

    test("an entity naming the same record twice is listed once, with each id it names", async () => {
      const both: FtmEntity = {
        id: "m-1",
        schema: "Membership",
        properties: { member: ["p-2"], organization: ["p-2"] },
      };
      await importEntities(db, { ...edition([both]), dataset: "memberships" });
      const found = await entitiesReferringTo(db, ["p-2", "p-3"]);
      assert.deepEqual(
        found.map((r) => [r.row.id, r.refIds]),
        [
          ["f-1", ["p-2", "p-3"]],
          ["m-1", ["p-2"]],
          ["pp-1", ["p-3"]],
        ],
      );
    });

    test("deletion by retention takes the references with it", async () => {
      await updateEntity(db, "f-1", { retainUntil: "2020-01-01T00:00:00Z" }, { actor: "analyst" });
      const run = await runRetention(db, {
        actor: LOCAL_OPERATOR,
        clock: fixedClock("2026-01-01T00:00:00Z"),
      });
      assert.equal(run.deleted, 1);
      await assertRefs(db, [
        "p-3 <- pp-1 (holder)",
        "p-1 <- s-1 (entity)",
        "p-2 <- m-1 (member)",
        "p-2 <- m-1 (organization)",
      ]);
      assert.deepEqual(await referrersOf(db, "p-3"), ["pp-1"]);
    });

    test("migration 0009's backfill rebuilds the same rows from the stored entities", async () => {
      const before = await refLines(db);
      const migration = readFileSync(new URL("../../drizzle/0009_entity_refs.sql", import.meta.url), "utf8");
      const backfill = migration.split("--> statement-breakpoint").find((s) => s.includes("INSERT INTO"));
      assert.ok(backfill, "the migration has a backfill statement");
      await db.delete(entityRefs);
      await db.execute(sql.raw(backfill));
      assert.deepEqual(await refLines(db), before);
    });
  });
}
