import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { after, before, describe, test } from "node:test";
import type { FastifyInstance } from "fastify";
import { listAlerts } from "../../src/alerts/service.ts";
import { buildServer } from "../../src/api/server.ts";
import { fixedClock } from "../../src/platform/clock.ts";
import { importEntities } from "../../src/registry/import.ts";
import { addAgency } from "../../src/sharing/agencies.ts";
import { createKey } from "../../src/sharing/api-keys.ts";
import { LOCAL_OPERATOR, type SharingContext } from "../../src/sharing/context.ts";
import { wcoWatchlist } from "../screening/wco.ts";
import { dataPath } from "../support/data.ts";
import { keyedInject } from "../support/http.ts";
import { pgliteTestStore, type TestStore } from "../support/stores.ts";

const clock = fixedClock("2026-06-01T00:00:00Z");
const operator: SharingContext = { actor: LOCAL_OPERATOR, clock };
const FLIGHT2 = readFileSync(dataPath("travel-messages/paxlst/gtas_wco_flight2.edi"), "utf8");
const BAD = readFileSync(dataPath("travel-messages/pnrgov/gtas_pnrgov_bad_format.edi"), "utf8");

describe("screening and alert routes", () => {
  let testStore: TestStore;
  let app: FastifyInstance;
  let borderKey: string;
  let partnerKey: string;
  let analystKey: string;

  before(async () => {
    testStore = await pgliteTestStore();
    const { db } = testStore.store;
    const border = (
      await addAgency(db, { country: "BE", name: "SYNTHETIC border PIU", type: "border" }, operator)
    ).id;
    const partner = (
      await addAgency(db, { country: "NL", name: "SYNTHETIC partner PIU", type: "border" }, operator)
    ).id;
    borderKey = (await createKey(db, { agencyId: border, roles: ["screener"] }, operator)).key;
    analystKey = (await createKey(db, { agencyId: border, roles: ["analyst"] }, operator)).key;
    partnerKey = (await createKey(db, { agencyId: partner, roles: ["screener"] }, operator)).key;
    // The watchlist is the border agency's own AMBER records; no arrangement shares them with the partner.
    await importEntities(db, {
      source: "ftm",
      dataset: "wco",
      file: "wco",
      actor: "t",
      originator: border,
      handling: "AMBER",
      entities: wcoWatchlist(),
      clock,
    });
    app = await buildServer({ store: testStore.store, config: { bodyLimitBytes: 1 << 20 }, clock });
  });
  after(async () => {
    await app.close();
    await testStore.dispose();
  });

  const call = keyedInject(() => app);
  const postManifest = (key: string, payload: string) =>
    call(key, {
      method: "POST",
      url: "/api/v1/manifests",
      payload,
      headers: { "content-type": "text/plain" },
    });

  let alertId = "";
  test("POST /manifests answers the --json object; the own agency sees its records in full", async () => {
    const response = await postManifest(borderKey, FLIGHT2);
    assert.equal(response.statusCode, 200, response.body);
    const report = response.json();
    assert.equal(report.travellers, 10);
    assert.equal(report.flight.carrier, "FI");
    assert.equal(report.alerts.length, 1);
    const [alert] = report.alerts;
    assert.equal(alert.traveller.name, "REUBEN THEBAULT");
    assert.equal(alert.matches[0].disclosure, "own");
    assert.ok(alert.matches[0].explanation.length > 0);
    alertId = alert.alertId;
    assert.ok(alertId);
  });

  test("a malformed manifest is a 400 naming the segment, and stores nothing", async () => {
    const before = (await listAlerts(testStore.store.db)).length;
    const response = await postManifest(borderKey, BAD);
    assert.equal(response.statusCode, 400);
    assert.match(response.json().where, /segment \d+/);
    assert.equal((await listAlerts(testStore.store.db)).length, before);
  });

  test("another agency without an arrangement: no match on records it may not know of, no alert", async () => {
    const response = await postManifest(partnerKey, FLIGHT2);
    assert.equal(response.statusCode, 200, response.body);
    assert.deepEqual(response.json().alerts, []);
    const one = await call(partnerKey, {
      method: "POST",
      url: "/api/v1/screening/travellers",
      payload: { purpose: "border-screening", name: "Ruben Thebault", birthDate: "1945-01-11" },
    });
    assert.equal(one.json().alert, false);
    assert.deepEqual(one.json().matches, []);
  });

  test("POST /screening/travellers: one traveller in, result out; bad fields are a 400 naming the field", async () => {
    const response = await call(borderKey, {
      method: "POST",
      url: "/api/v1/screening/travellers",
      payload: { purpose: "border-screening", name: "Ruben Thebault", birthDate: "1945-01-11" },
    });
    assert.equal(response.statusCode, 200, response.body);
    assert.equal(response.json().alert, true);
    assert.equal(response.json().matches[0].disclosure, "own");
    const bad = await call(borderKey, {
      method: "POST",
      url: "/api/v1/screening/travellers",
      payload: { purpose: "border-screening", name: "X", birthDate: "11/01/1945" },
    });
    assert.equal(bad.statusCode, 400);
    assert.match(bad.json().where, /birthDate/);
    const noPurpose = await call(borderKey, {
      method: "POST",
      url: "/api/v1/screening/travellers",
      payload: { name: "Ruben Thebault" },
    });
    assert.equal(noPurpose.statusCode, 400);
    assert.match(noPurpose.json().detail, /purpose/);
  });

  test("the alert queue is per agency; decisions are recorded once and final", async () => {
    const own = await call(analystKey, { method: "GET", url: "/api/v1/alerts?status=open" });
    assert.equal(own.statusCode, 200, own.body);
    assert.deepEqual(
      own.json().items.map((a: { id: string }) => a.id),
      [alertId],
    );
    const theirs = await call(partnerKey, { method: "GET", url: "/api/v1/alerts" });
    assert.deepEqual(theirs.json().items, []);
    assert.equal(
      (await call(partnerKey, { method: "GET", url: `/api/v1/alerts/${alertId}` })).statusCode,
      404,
    );
    const shown = await call(analystKey, { method: "GET", url: `/api/v1/alerts/${alertId}` });
    assert.equal(shown.json().status, "open");
    assert.deepEqual(shown.json().history, []);
    assert.equal(shown.json().evidence, undefined, "redress evidence (hashes, record ids) stays inside");
    const decide = (key: string) =>
      call(key, {
        method: "POST",
        url: `/api/v1/alerts/${alertId}/decision`,
        payload: { decision: "dismiss", reason: "not the same person: passport differs" },
      });
    assert.equal((await decide(analystKey)).statusCode, 403);
    const decided = await decide(borderKey);
    assert.equal(decided.statusCode, 200, decided.body);
    assert.equal(decided.json().status, "dismissed");
    assert.equal(decided.json().history.length, 1);
    assert.equal((await decide(borderKey)).statusCode, 409);
  });
});
