import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { after, before, describe, test } from "node:test";
import { count } from "drizzle-orm";
import { decideAlert } from "../../src/alerts/decide.ts";
import { alertDecisions, alerts, screenedManifests, screenedTravellers } from "../../src/alerts/schema.ts";
import { getAlert, listAlerts } from "../../src/alerts/service.ts";
import type { Manifest } from "../../src/formats/travel-types.ts";
import { fixedClock } from "../../src/platform/clock.ts";
import type { Db } from "../../src/platform/db.ts";
import { importEntities } from "../../src/registry/import.ts";
import { registryMatchIndex } from "../../src/registry/live-index.ts";
import { tableLocator } from "../../src/screening/airports.ts";
import {
  screenManifestIntoStore,
  screenMessageIntoStore,
  storeScreener,
} from "../../src/screening/store-screening.ts";
import { LOCAL_OPERATOR, type SharingContext } from "../../src/sharing/context.ts";
import { auditLog } from "../../src/sharing/schema.ts";
import { wcoFlight, wcoWatchlist } from "../screening/wco.ts";
import { dataPath } from "../support/data.ts";
import { STORE_KINDS, type TestStore } from "../support/stores.ts";

const clock = fixedClock("2026-06-01T00:00:00Z");
const operator: SharingContext = { actor: LOCAL_OPERATOR, clock };

async function counts(db: Db) {
  const n = async (
    table:
      | typeof alerts
      | typeof alertDecisions
      | typeof screenedManifests
      | typeof screenedTravellers
      | typeof auditLog,
  ) => (await db.select({ n: count() }).from(table))[0]?.n ?? 0;
  return {
    manifests: await n(screenedManifests),
    travellers: await n(screenedTravellers),
    alerts: await n(alerts),
    decisions: await n(alertDecisions),
    audit: await n(auditLog),
  };
}

/** The same flight flown again later: another number and date, same travellers. */
function laterFlight(manifest: Manifest, number: string, date: string): Manifest {
  return {
    ...manifest,
    flight: {
      ...manifest.flight,
      number,
      legs: manifest.flight.legs.map((leg) => ({
        ...leg,
        departureTime: `${date}T12:00`,
        arrivalTime: `${date}T18:00`,
      })),
    },
  };
}

async function importWatchlist(db: Db, entities = wcoWatchlist()) {
  await importEntities(db, {
    source: "ftm",
    dataset: "wco-watchlist",
    file: "wco.json",
    actor: "test",
    entities,
    clock,
  });
}

async function screener(db: Db) {
  return storeScreener(db, await registryMatchIndex(db), operator, tableLocator({}));
}

for (const kind of STORE_KINDS) {
  describe(`traveller alerts on ${kind.name}`, () => {
    let testStore: TestStore;
    let db: Db;
    before(async () => {
      testStore = await kind.open();
      db = testStore.store.db;
      await importWatchlist(db);
    });
    after(() => testStore.dispose());

    test("a malformed message leaves the store unchanged", async () => {
      const before = await counts(db);
      const path = dataPath("travel-messages/pnrgov/gtas_pnrgov_bad_format.edi");
      await assert.rejects(
        screenMessageIntoStore(db, readFileSync(path, "utf8"), path, await screener(db), operator),
        (error: Error) => /segment \d+/.test(error.message),
      );
      assert.deepEqual(await counts(db), before);
    });

    let alertId = "";
    test("flight 2 is stored whole: manifest, every traveller, one alert for REUBEN THEBAULT, audited", async () => {
      const before = await counts(db);
      const flight = wcoFlight(2);
      const report = await screenManifestIntoStore(db, flight, await screener(db), operator, "flight2.edi");
      assert.equal(report.alerts.length, 1);
      alertId = report.alerts[0]?.alertId ?? "";
      const after = await counts(db);
      assert.equal(after.manifests - before.manifests, 1);
      assert.equal(after.travellers - before.travellers, flight.travellers.length);
      assert.equal(after.alerts - before.alerts, 1);
      assert.equal(after.audit - before.audit, 1);
      const alert = await getAlert(db, alertId);
      assert.equal(alert.status, "open");
      assert.equal(alert.kind, "traveller");
      assert.equal(alert.subject.name, "REUBEN THEBAULT");
      assert.equal(alert.matches[0]?.caption, "RUBEN THEBAULT");
      assert.equal(alert.severity, alert.score >= 0.95 ? "critical" : "high");
      assert.deepEqual(
        (await listAlerts(db, { status: "open" })).map((a) => a.id),
        [alertId],
      );
    });

    test("screening the same flight again updates the open alert instead of adding one", async () => {
      const before = await counts(db);
      const report = await screenManifestIntoStore(
        db,
        wcoFlight(2),
        await screener(db),
        operator,
        "again.edi",
      );
      assert.equal(report.alerts[0]?.alertId, alertId);
      assert.equal((await counts(db)).alerts, before.alerts);
    });

    test("decisions are appended: escalate, then dismiss; the first decision stays as it was; final is final", async () => {
      const escalated = await decideAlert(
        db,
        alertId,
        { decision: "escalate", reason: "check DOB", assignee: "officer-2" },
        operator,
      );
      assert.equal(escalated.status, "escalated");
      assert.equal(escalated.assignee, "officer-2");
      const first = escalated.history[0];
      const dismissed = await decideAlert(
        db,
        alertId,
        { decision: "dismiss", reason: "different person: DOB and passport differ" },
        operator,
      );
      assert.equal(dismissed.status, "dismissed");
      assert.equal(dismissed.history.length, 2);
      assert.deepEqual(dismissed.history[0], first);
      assert.deepEqual(
        dismissed.history.map((d) => [d.fromStatus, d.toStatus, d.notSamePerson]),
        [
          ["open", "escalated", false],
          ["escalated", "dismissed", true],
        ],
      );
      await assert.rejects(
        decideAlert(db, alertId, { decision: "confirm", reason: "changed my mind" }, operator),
        /already dismissed/,
      );
      await assert.rejects(
        decideAlert(db, alertId, { decision: "confirm", reason: " " }, operator),
        /reason/,
      );
      assert.equal((await getAlert(db, alertId)).history.length, 2);
    });

    test("redress: the same evidence on a later flight is cleared before, not alerted", async () => {
      const report = await screenManifestIntoStore(
        db,
        laterFlight(wcoFlight(2), "616", "2026-07-01"),
        await screener(db),
        operator,
        "later.edi",
      );
      assert.deepEqual(report.alerts, []);
      assert.equal(report.clearedBefore?.length, 1);
      assert.equal(report.clearedBefore?.[0]?.traveller.name, "REUBEN THEBAULT");
      assert.equal(report.clearedBefore?.[0]?.cleared[0]?.caption, "RUBEN THEBAULT");
    });

    test("redress: a new document alerts again", async () => {
      const flight = laterFlight(wcoFlight(2), "617", "2026-07-02");
      flight.travellers = flight.travellers.map((t) =>
        t.surname === "THEBAULT" ? { ...t, documents: [{ number: "NEW000111", type: "P" }] } : t,
      );
      const report = await screenManifestIntoStore(db, flight, await screener(db), operator, "newdoc.edi");
      assert.deepEqual(
        report.alerts.map((a) => a.traveller.name),
        ["REUBEN THEBAULT"],
      );
    });

    test("redress: an updated record alerts again with the old evidence", async () => {
      const updated = wcoWatchlist().map((e) =>
        e.properties.lastName?.[0] === "THEBAULT"
          ? { ...e, properties: { ...e.properties, alias: ["R. THEBAULT"] } }
          : e,
      );
      await importWatchlist(db, updated);
      const report = await screenManifestIntoStore(
        db,
        laterFlight(wcoFlight(2), "618", "2026-07-03"),
        await screener(db),
        operator,
        "updated.edi",
      );
      assert.deepEqual(
        report.alerts.map((a) => a.traveller.name),
        ["REUBEN THEBAULT"],
      );
      assert.equal(report.clearedBefore, undefined);
    });
  });
}
