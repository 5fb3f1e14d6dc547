import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { after, before, describe, test } from "node:test";
import type { FastifyInstance } from "fastify";
import { decideAlert } from "../../src/alerts/decide.ts";
import { listAlerts } from "../../src/alerts/service.ts";
import { buildServer } from "../../src/api/server.ts";
import { parsePaymentMessage } from "../../src/formats/payments.ts";
import type { FtmEntity } from "../../src/model/entity.ts";
import { validateEntity } from "../../src/model/schema.ts";
import { fixedClock } from "../../src/platform/clock.ts";
import { importEntities } from "../../src/registry/import.ts";
import { addAgency } from "../../src/sharing/agencies.ts";
import { createKey } from "../../src/sharing/api-keys.ts";
import { addArrangement } from "../../src/sharing/arrangements.ts";
import { LOCAL_OPERATOR, type SharingContext } from "../../src/sharing/context.ts";
import { dataPath } from "../support/data.ts";
import { keyedInject } from "../support/http.ts";
import { pgliteTestStore, type TestStore } from "../support/stores.ts";

const clock = fixedClock("2026-06-01T00:00:00Z");
const operator: SharingContext = { actor: LOCAL_OPERATOR, clock };
const person = (id: string, name: string): FtmEntity => ({
  id,
  schema: "Person",
  properties: { name: [name], notes: ["SYNTHETIC test record"] },
});

const CSV = [
  "messageRef,amount,currency,valueDate,debtor.name,creditor.name,remittance",
  "A1,250.00,EUR,2026-05-01,SYNTHETIC Payer,Hamza Oteyfaoui,gift",
  "A2,90.00,EUR,2026-05-02,SYNTHETIC Payer,Nadir Qorbelsky,rent",
  "A3,40.00,EUR,2026-05-03,SYNTHETIC Payer,Selim Vardakhrani,books",
].join("\n");

describe("payment and lead routes", () => {
  let testStore: TestStore;
  let app: FastifyInstance;
  let fiu: string;
  let fiuKey: string;
  let partnerKey: string;
  let contributorKey: string;

  before(async () => {
    testStore = await pgliteTestStore();
    const { db } = testStore.store;
    fiu = (
      await addAgency(db, { country: "FR", name: "SYNTHETIC FIU", type: "financial-intelligence" }, operator)
    ).id;
    const partner = (
      await addAgency(
        db,
        { country: "DE", name: "SYNTHETIC partner FIU", type: "financial-intelligence" },
        operator,
      )
    ).id;
    fiuKey = (await createKey(db, { agencyId: fiu, roles: ["screener", "analyst"] }, operator)).key;
    partnerKey = (await createKey(db, { agencyId: partner, roles: ["analyst"] }, operator)).key;
    contributorKey = (await createKey(db, { agencyId: fiu, roles: ["contributor"] }, operator)).key;
    const imported = (originator: string, handling: "AMBER" | "RED", entities: FtmEntity[]) =>
      importEntities(db, {
        source: "test",
        dataset: `syn-${originator}`,
        file: "t",
        actor: "t",
        originator,
        handling,
        entities,
      });
    await imported(fiu, "AMBER", [
      person("subj-h", "Hamza Oteyfaoui"),
      person("assoc-n", "Nadir Qorbelsky"),
      { id: "link-hn", schema: "Associate", properties: { person: ["subj-h"], associate: ["assoc-n"] } },
    ]);
    // Another agency's RED record: it must not exist for the FIU, not even as a match.
    await imported(partner, "RED", [person("red-s", "Selim Vardakhrani")]);
    app = await buildServer({ store: testStore.store, config: { bodyLimitBytes: 1 << 20 }, clock });
  });
  after(async () => {
    await app.close();
    await testStore.dispose();
  });

  const call = keyedInject(() => app);
  const screen = (key: string | undefined, payload: string, type = "text/csv") =>
    call(key, { method: "POST", url: "/api/v1/payments/screen", payload, headers: { "content-type": type } });

  test("POST /payments/screen answers the screening object; hidden records never appear", async () => {
    const response = await screen(fiuKey, CSV);
    assert.equal(response.statusCode, 200, response.body);
    const result = response.json();
    assert.equal(result.payments, 3);
    assert.deepEqual(Object.keys(result), ["payments", "alerts"]);
    const creditors = result.alerts.map((a: { payment: { creditor: string } }) => a.payment.creditor);
    assert.ok(creditors.includes("Hamza Oteyfaoui"));
    assert.ok(!creditors.includes("Selim Vardakhrani"), "a RED record of another agency stays hidden");
    const toSubject = result.alerts.find(
      (a: { payment: { creditor: string } }) => a.payment.creditor === "Hamza Oteyfaoui",
    );
    assert.equal(toSubject.party, "creditor");
    assert.equal(toSubject.matches[0].disclosure, "own");
    assert.ok(toSubject.matches[0].explanation.length > 0);
    const toAssociate = result.alerts.find(
      (a: { payment: { creditor: string } }) => a.payment.creditor === "Nadir Qorbelsky",
    );
    assert.equal(toAssociate.ruleHits[0].ruleId, "finance.related-party");
    const queued = await listAlerts(testStore.store.db, { kind: "payment" });
    assert.equal(queued.length, result.alerts.length);
  });

  test("ISO 20022 XML and MT text bodies are read by their content", async () => {
    for (const [path, type] of [
      ["payments/iso20022/pain.001.001.03_sepa.xml", "application/xml"],
      ["payments/swift-mt/prowide_MT103_out_ack.rje", "text/plain"],
    ] as const) {
      const text = readFileSync(dataPath(path), "utf8");
      const response = await screen(fiuKey, text, type);
      assert.equal(response.statusCode, 200, response.body);
      assert.equal(response.json().payments, parsePaymentMessage(text, path).length);
    }
  });

  test("a CSV export with its own columns is read through the mapping given as JSON", async () => {
    const mapping = {
      delimiter: ";",
      decimalComma: true,
      columns: {
        amount: "Betrag",
        currency: "Waehrung",
        "debtor.name": "Auftraggeber",
        "creditor.name": "Empfaenger",
      },
    };
    const export_ = [
      "Betrag;Waehrung;Auftraggeber;Empfaenger",
      "1.250,00;EUR;SYNTHETIC Payer;Hamza Oteyfaoui",
    ];
    const url = `/api/v1/payments/screen?mapping=${encodeURIComponent(JSON.stringify(mapping))}`;
    const send = (payload: string) =>
      call(fiuKey, { method: "POST", url, payload, headers: { "content-type": "text/csv" } });
    const response = await send(export_.join("\n"));
    assert.equal(response.statusCode, 200, response.body);
    const [alert] = response.json().alerts;
    assert.equal(alert.payment.amount, 1250);
    assert.equal(alert.payment.creditor, "Hamza Oteyfaoui");
    assert.equal((await screen(fiuKey, export_.join("\n"))).statusCode, 400, "no mapping: unknown columns");
    const bad = await call(fiuKey, {
      method: "POST",
      url: `/api/v1/payments/screen?mapping=${encodeURIComponent('{"columns":{"amount":"Betrag"}}')}`,
      payload: export_.join("\n"),
      headers: { "content-type": "text/csv" },
    });
    assert.equal(bad.statusCode, 400);
    assert.equal(bad.json().where, "query mapping");
    assert.match(bad.json().detail, /must map currency/);
  });

  test("bad input is a 400 problem naming the place; keys and roles are checked", async () => {
    const bad = await screen(fiuKey, "amount,currency,debtor.name,creditor.name\n1x,EUR,A,B\n");
    assert.equal(bad.statusCode, 400);
    assert.equal(bad.json().code, "bad_input");
    assert.match(bad.json().where, /body:2 \(amount\)/);
    const json = await call(fiuKey, {
      method: "POST",
      url: "/api/v1/payments/screen",
      payload: { amount: 1 },
    });
    assert.equal(json.statusCode, 400);
    assert.equal((await screen(undefined, CSV)).statusCode, 401);
    assert.equal((await screen(contributorKey, CSV)).statusCode, 403);
  });

  test("POST /leads packages a confirmed alert; GET /leads shows it as the policy allows, as JSON, FtM or CSV", async () => {
    const { db } = testStore.store;
    const [alert] = (await listAlerts(db, { kind: "payment" })).filter((a) =>
      a.occasionKey.endsWith("|creditor"),
    );
    assert.ok(alert);
    const post = (alertId: string) =>
      call(fiuKey, { method: "POST", url: "/api/v1/leads", payload: { alertId } });
    assert.equal((await post(alert.id)).statusCode, 409, "an open alert is not a lead yet");
    await decideAlert(
      db,
      alert.id,
      { decision: "confirm", reason: "checked" },
      {
        actor: { agencyId: fiu, userId: "officer", roles: ["screener"] },
        clock,
      },
    );
    const created = await post(alert.id);
    assert.equal(created.statusCode, 201, created.body);
    const list = (key: string, format = "json") =>
      call(key, { method: "GET", url: `/api/v1/leads?format=${format}` });
    assert.deepEqual(
      (await list(fiuKey)).json().items.map((v: { level: string }) => v.level),
      ["own"],
    );
    assert.deepEqual((await list(partnerKey)).json().items, []);
    await addArrangement(
      db,
      { from: fiu, to: "country:DE", disclosure: "full", purposes: ["financial-intelligence"] },
      operator,
    );
    const [shared] = (await list(partnerKey)).json().items;
    assert.equal(shared.level, "full");
    const ftm = await list(partnerKey, "ftm");
    assert.match(ftm.headers["content-type"] as string, /ndjson/);
    const entities = ftm.body
      .trim()
      .split("\n")
      .map((line) => JSON.parse(line) as FtmEntity);
    for (const entity of entities) validateEntity(entity);
    assert.ok(entities.some((e) => e.schema === "Payment"));
    const csv = await list(partnerKey, "csv");
    assert.equal(csv.body.trim().split("\n").length, 2);
  });
});
