import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { fixedClock } from "../../src/platform/clock.ts";
import type { Db } from "../../src/platform/db.ts";
import { importEntities } from "../../src/registry/import.ts";
import { storeDocumentLookup } from "../../src/screening/documents.ts";
import { activeRules, listRules, ruleHistory, saveRule } from "../../src/screening/rule-store.ts";
import { DEFAULT_RULES } from "../../src/screening/rules.ts";
import { LOCAL_OPERATOR, type SharingContext } from "../../src/sharing/context.ts";
import { STORE_KINDS, type TestStore } from "../support/stores.ts";

const operator: SharingContext = { actor: LOCAL_OPERATOR, clock: fixedClock("2026-06-01T00:00:00Z") };

for (const kind of STORE_KINDS) {
  describe(`screening lookups on ${kind.name}`, () => {
    let testStore: TestStore;
    let db: Db;
    before(async () => {
      testStore = await kind.open();
      db = testStore.store.db;
    });
    after(() => testStore.dispose());

    test("rules: seeded with the defaults once; a saved change is a new version; disabling removes it", async () => {
      assert.deepEqual(await listRules(db), []);
      const seeded = await activeRules(db, operator);
      assert.deepEqual(
        seeded.map((r) => r.id),
        DEFAULT_RULES.map((r) => r.id).sort(),
      );
      assert.equal((await activeRules(db, operator)).length, DEFAULT_RULES.length);
      const late = DEFAULT_RULES.find((r) => r.id === "late-booking");
      assert.ok(late);
      const v2 = await saveRule(db, { ...late, parameters: { hours: 48 } }, operator);
      assert.equal(v2.version, 2);
      const active = await activeRules(db, operator);
      assert.deepEqual(active.find((r) => r.id === "late-booking")?.parameters, { hours: 48 });
      await saveRule(db, { ...late, enabled: false }, operator);
      assert.ok(!(await activeRules(db, operator)).some((r) => r.id === "late-booking"));
      assert.deepEqual(
        (await ruleHistory(db, "late-booking")).map((r) => [r.version, r.enabled]),
        [
          [3, false],
          [2, true],
          [1, true],
        ],
      );
      await assert.rejects(
        saveRule(db, { ...late, parameters: { hours: "soon" } }, operator),
        /parameters\.hours/,
      );
    });

    test("registered documents: found by normalised number, holder or not; inactive records are not", async () => {
      await importEntities(db, {
        source: "ftm",
        dataset: "docs",
        file: "docs",
        actor: "t",
        clock: operator.clock,
        entities: [
          {
            id: "doc-lost",
            schema: "Passport",
            datasets: ["docs"],
            properties: { number: ["X 1234-567"], country: ["gb"] },
          },
          {
            id: "doc-other",
            schema: "Identification",
            datasets: ["docs"],
            properties: { number: ["ZZ999"] },
          },
        ],
      });
      const lookup = storeDocumentLookup(db);
      const found = await lookup(["x1234567", "nothing"]);
      assert.deepEqual(
        found.map((d) => [d.entityId, d.number]),
        [["doc-lost", "X 1234-567"]],
      );
      assert.deepEqual(await lookup([]), []);
      // A new edition without the passport delists it: it no longer hits.
      await importEntities(db, {
        source: "ftm",
        dataset: "docs",
        file: "docs2",
        actor: "t",
        clock: operator.clock,
        entities: [
          {
            id: "doc-other",
            schema: "Identification",
            datasets: ["docs"],
            properties: { number: ["ZZ999"] },
          },
        ],
      });
      assert.deepEqual(await lookup(["X1234567"]), []);
      assert.equal((await lookup(["zz-999"]))[0]?.entityId, "doc-other");
    });
  });
}
