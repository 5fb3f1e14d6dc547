import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { count, eq } from "drizzle-orm";
import {
  MASK,
  repersonaliseTraveller,
  runTravellerRetention,
  scheduleTravellerRetention,
  travellerRetentionPolicy,
} from "../../src/alerts/retention.ts";
import {
  alerts,
  repersonalisationRequests,
  screenedManifests,
  screenedTravellers,
  travellerVault,
} from "../../src/alerts/schema.ts";
import { fixedClock } from "../../src/platform/clock.ts";
import type { Db } from "../../src/platform/db.ts";
import { importEntities } from "../../src/registry/import.ts";
import { registryMatchIndex } from "../../src/registry/live-index.ts";
import { tableLocator } from "../../src/screening/airports.ts";
import { screenManifestIntoStore, storeScreener } from "../../src/screening/store-screening.ts";
import { findAudit } from "../../src/sharing/audit-log.ts";
import { LOCAL_OPERATOR, type SharingContext } from "../../src/sharing/context.ts";
import { wcoFlight, wcoWatchlist } from "../screening/wco.ts";
import { STORE_KINDS, type TestStore } from "../support/stores.ts";

const at = (iso: string): SharingContext => ({ actor: LOCAL_OPERATOR, clock: fixedClock(iso) });
const screenedOn = at("2026-01-10T00:00:00Z");

async function rows(
  db: Db,
  table: typeof screenedTravellers | typeof screenedManifests | typeof alerts | typeof travellerVault,
) {
  return (await db.select({ n: count() }).from(table))[0]?.n ?? 0;
}

describe("traveller retention policy", () => {
  test("defaults to 6 months and 5 years; configurable; deletion never before depersonalisation", () => {
    assert.deepEqual(travellerRetentionPolicy({}), { depersonaliseAfterDays: 183, deleteAfterDays: 1826 });
    assert.deepEqual(
      travellerRetentionPolicy({
        FTFX_TRAVELLER_DEPERSONALISE_DAYS: "30",
        FTFX_TRAVELLER_DELETE_DAYS: "365",
      }),
      { depersonaliseAfterDays: 30, deleteAfterDays: 365 },
    );
    assert.throws(
      () => travellerRetentionPolicy({ FTFX_TRAVELLER_DEPERSONALISE_DAYS: "x" }),
      /FTFX_TRAVELLER/,
    );
    assert.throws(
      () =>
        travellerRetentionPolicy({
          FTFX_TRAVELLER_DEPERSONALISE_DAYS: "400",
          FTFX_TRAVELLER_DELETE_DAYS: "300",
        }),
      /before depersonalisation/,
    );
  });
});

for (const kind of STORE_KINDS) {
  describe(`traveller retention on ${kind.name}`, () => {
    let testStore: TestStore;
    let db: Db;
    let travellers = 0;
    before(async () => {
      testStore = await kind.open();
      db = testStore.store.db;
      await importEntities(db, {
        source: "ftm",
        dataset: "wco",
        file: "wco",
        actor: "t",
        entities: wcoWatchlist(),
        clock: screenedOn.clock,
      });
      const flight = wcoFlight(2);
      travellers = flight.travellers.length;
      const screener = await storeScreener(db, await registryMatchIndex(db), screenedOn, tableLocator({}));
      await screenManifestIntoStore(db, flight, screener, screenedOn, "flight2.edi");
    });
    after(() => testStore.dispose());

    test("within 6 months nothing changes", async () => {
      const run = await runTravellerRetention(db, at("2026-06-01T00:00:00Z"));
      assert.equal(run.depersonalisedTravellers, 0);
      assert.equal(await rows(db, travellerVault), 0);
    });

    test("after 6 months travellers and their alerts are masked, the originals sealed", async () => {
      const run = await runTravellerRetention(db, at("2026-08-01T00:00:00Z"));
      assert.equal(run.depersonalisedTravellers, travellers);
      assert.equal(run.depersonalisedManifests, 1);
      const names = await db
        .select({ name: screenedTravellers.name, dob: screenedTravellers.birthDate })
        .from(screenedTravellers);
      assert.ok(names.every((t) => t.name === MASK && t.dob === null));
      const [alert] = await db.select().from(alerts);
      assert.deepEqual(alert?.subject, { name: MASK });
      assert.ok(!JSON.stringify(alert).includes("REUBEN"), "no trace of the name in the alert");
      assert.equal(await rows(db, travellerVault), travellers);
      const again = await runTravellerRetention(db, at("2026-08-02T00:00:00Z"));
      assert.equal(again.depersonalisedTravellers, 0);
    });

    test("re-personalisation needs a reason and another person's authorisation, and is recorded", async () => {
      const [alert] = await db.select().from(alerts);
      const travellerId = alert?.travellerId ?? "";
      const request = { reason: "court order 2026/17", authorisedBy: "supervisor-1" };
      await assert.rejects(
        repersonaliseTraveller(
          db,
          travellerId,
          { ...request, authorisedBy: LOCAL_OPERATOR.userId },
          screenedOn,
        ),
        /cannot be authorised by its requester/,
      );
      await assert.rejects(
        repersonaliseTraveller(db, travellerId, { ...request, reason: "" }, screenedOn),
        /reason/,
      );
      assert.equal((await db.select().from(repersonalisationRequests)).length, 0);
      const data = await repersonaliseTraveller(db, travellerId, request, screenedOn);
      assert.equal(data.name, "REUBEN THEBAULT");
      const recorded = await db
        .select()
        .from(repersonalisationRequests)
        .where(eq(repersonalisationRequests.travellerId, travellerId));
      assert.deepEqual(
        recorded.map((r) => [r.requestedBy, r.authorisedBy, r.reason]),
        [[LOCAL_OPERATOR.userId, "supervisor-1", "court order 2026/17"]],
      );
      const [still] = await db
        .select()
        .from(screenedTravellers)
        .where(eq(screenedTravellers.id, travellerId));
      assert.equal(still?.name, MASK);
    });

    test("the schedule runs at once and stops when asked", async () => {
      const runs = async () => (await findAudit(db, { action: "retention.travellers" })).length;
      const before = await runs();
      const errors: unknown[] = [];
      const stop = scheduleTravellerRetention(db, at("2026-08-03T00:00:00Z"), 3_600_000, (e) =>
        errors.push(e),
      );
      stop();
      for (let i = 0; i < 50 && (await runs()) === before; i++) await new Promise((r) => setTimeout(r, 100));
      assert.equal(await runs(), before + 1);
      assert.deepEqual(errors, []);
    });

    test("after 5 years everything of the flight is deleted", async () => {
      const run = await runTravellerRetention(db, at("2031-01-11T00:00:00Z"));
      assert.equal(run.deletedTravellers, travellers);
      assert.equal(run.deletedManifests, 1);
      assert.equal(run.deletedAlerts, 1);
      for (const table of [screenedTravellers, screenedManifests, alerts, travellerVault] as const)
        assert.equal(await rows(db, table), 0);
    });
  });
}
