import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import type { MatchResult } from "../../src/matching/types.ts";
import { fixedClock } from "../../src/platform/clock.ts";
import { activeRules, saveRule } from "../../src/screening/rule-store.ts";
import type { Rule } from "../../src/screening/rules.ts";
import { addAgency } from "../../src/sharing/agencies.ts";
import { addArrangement } from "../../src/sharing/arrangements.ts";
import { findAudit } from "../../src/sharing/audit-log.ts";
import { LOCAL_OPERATOR, type SharingContext } from "../../src/sharing/context.ts";
import { discloseMatches } from "../../src/sharing/disclose.ts";
import { decideFollowUp, requestFollowUp } from "../../src/sharing/follow-ups.ts";
import { contributeEntity } from "../../src/sharing/records.ts";
import type { Actor } from "../../src/sharing/types.ts";
import { loadGrants, loadPolicyWorld } from "../../src/sharing/world.ts";
import { watchPolicyWorld } from "../../src/sharing/world-cache.ts";
import { STORE_KINDS, type TestStore } from "../support/stores.ts";

const clock = fixedClock("2026-06-01T00:00:00Z");
const operator: SharingContext = { actor: LOCAL_OPERATOR, clock };
const options = { referenceKey: "test-reference-secret", clock };
const actorOf = (agencyId: string): Actor => ({ agencyId, userId: `usr-${agencyId}`, roles: ["screener"] });
const as = (agencyId: string): SharingContext => ({ actor: actorOf(agencyId), clock });
const matchOf = (entityId: string): MatchResult => ({
  entityId,
  caption: "x",
  score: 0.97,
  alert: true,
  explanation: [{ feature: "name", weight: 3 }] as MatchResult["explanation"],
});

/** On PostgreSQL a notice reaches the listener shortly after the commit; PGlite delivers it at once. */
async function eventually(check: () => Promise<boolean>): Promise<void> {
  for (let tries = 0; tries < 100; tries++) {
    if (await check()) return;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  assert.fail("the change never reached the cache");
}

for (const kind of STORE_KINDS) {
  describe(`cached policy inputs on ${kind.name}`, () => {
    let testStore: TestStore;
    let stopWatching: () => Promise<void>;
    let nl: string;
    let de: string;
    let personId: string;

    before(async () => {
      testStore = await kind.open();
      const { db } = testStore.store;
      stopWatching = await watchPolicyWorld(testStore.store);
      nl = (await addAgency(db, { country: "NL", name: "NL FTF unit", type: "police" }, operator)).id;
      de = (await addAgency(db, { country: "DE", name: "DE border", type: "border" }, operator)).id;
      const person = await contributeEntity(
        db,
        { schema: "Person", properties: { name: ["SYNTHETIC Jan Example"] }, handling: "AMBER" },
        as(nl),
      );
      personId = person.id;
    });
    after(async () => {
      await stopWatching();
      await testStore.dispose();
    });

    test("a watched store reads the world once until something changes", async () => {
      const { db } = testStore.store;
      await eventually(async () => (await loadPolicyWorld(db)).agencies.has(de));
      assert.equal(await loadPolicyWorld(db), await loadPolicyWorld(db));
    });

    test("a new arrangement applies to the next disclosure", async () => {
      const { db } = testStore.store;
      const disclose = () =>
        discloseMatches(db, actorOf(de), "border-screening", [matchOf(personId)], options);
      assert.deepEqual(await disclose(), []);
      await addArrangement(
        db,
        { from: nl, to: de, disclosure: "hit-no-hit", purposes: ["border-screening"] },
        operator,
      );
      await eventually(async () => (await disclose()).length === 1);
      const audited = await findAudit(db, { action: "match", actor: { agencyId: de } });
      assert.deepEqual(
        audited.map((e) => (e.body.results as { level: string }[])[0]?.level),
        [...audited.slice(0, -1).map(() => "none"), "hit-no-hit"],
      );
    });

    test("an approved follow-up grant is seen through the cache, and only until it expires", async () => {
      const { db } = testStore.store;
      const [hit] = await discloseMatches(db, actorOf(de), "border-screening", [matchOf(personId)], options);
      const reference = (hit as { reference: string }).reference;
      const request = await requestFollowUp(
        db,
        { reference, purpose: "border-screening", level: "full", reason: "traveller at the gate" },
        as(de),
      );
      assert.deepEqual(await loadGrants(db, de, [personId], clock.now()), []);
      await decideFollowUp(db, request.id, { approve: true, expires: "2026-07-01" }, as(nl));
      await eventually(async () => (await loadGrants(db, de, [personId], clock.now())).length === 1);
      assert.deepEqual(await loadGrants(db, de, [personId], new Date("2026-07-02T00:00:00Z")), []);
      assert.deepEqual(await loadGrants(db, nl, [personId], clock.now()), []);
    });

    test("screening rules are read once, and a changed rule applies to the next screening", async () => {
      const { db } = testStore.store;
      await activeRules(db, operator); // the first use seeds the defaults, a change the cache then hears of
      await eventually(async () => {
        const [once, again] = [await activeRules(db, operator), await activeRules(db, operator)];
        return once[0] === again[0];
      });
      const rules = await activeRules(db, operator);
      assert.ok(rules.length > 1);
      const [first] = rules as [Rule, ...Rule[]];
      await saveRule(db, { ...first, enabled: false }, operator);
      await eventually(async () => (await activeRules(db, operator)).length === rules.length - 1);
      assert.ok(!(await activeRules(db, operator)).some((rule) => rule.id === first.id));
    });
  });
}
