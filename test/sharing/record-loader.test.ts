import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { fixedClock } from "../../src/platform/clock.ts";
import { addAgency } from "../../src/sharing/agencies.ts";
import { LOCAL_OPERATOR } from "../../src/sharing/context.ts";
import { loadRecords } from "../../src/sharing/record-loader.ts";
import { contributeEntity, withdrawEntity } from "../../src/sharing/records.ts";
import { pgliteTestStore, type TestStore } from "../support/stores.ts";

const clock = fixedClock("2026-06-01T00:00:00Z");

describe("records for disclosure, read together by concurrent calls", () => {
  let testStore: TestStore;
  let nl: string;
  const ids: string[] = [];

  before(async () => {
    testStore = await pgliteTestStore();
    const { db } = testStore.store;
    nl = (
      await addAgency(db, { country: "NL", name: "NL", type: "police" }, { actor: LOCAL_OPERATOR, clock })
    ).id;
    const context = { actor: { agencyId: nl, userId: "u", roles: ["contributor" as const] }, clock };
    for (const name of ["SYNTHETIC Ann", "SYNTHETIC Bob", "SYNTHETIC Cid"]) {
      ids.push(
        (
          await contributeEntity(
            db,
            { schema: "Person", properties: { name: [name] }, handling: "GREEN" },
            context,
          )
        ).id,
      );
    }
  });
  after(() => testStore.dispose());

  test("each call gets exactly its own records, as objects of its own", async () => {
    const { db } = testStore.store;
    const [a = "", b = "", c = ""] = ids;
    const asked = [[a], [b, c], [a, "missing"], [], [c, a]];
    const answers = await Promise.all(asked.map((wanted) => loadRecords(db, wanted)));
    answers.forEach((records, i) => {
      const expected = (asked[i] ?? []).filter((id) => ids.includes(id));
      assert.deepEqual([...records.keys()].sort(), [...expected].sort());
      for (const [id, record] of records) assert.equal(record.id, id);
    });
    assert.notEqual(answers[0]?.get(a), answers[2]?.get(a));
  });

  test("a call made after a write sees it, though reads were running", async () => {
    const { db } = testStore.store;
    const [a = ""] = ids;
    const running = loadRecords(db, [a]);
    const context = { actor: { agencyId: nl, userId: "u", roles: ["contributor" as const] }, clock };
    await withdrawEntity(db, a, context);
    const [before, afterWrite] = await Promise.all([running, loadRecords(db, [a])]);
    assert.ok(before.has(a));
    assert.equal(afterWrite.get(a)?.status, "withdrawn");
  });
});
