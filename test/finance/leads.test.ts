import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { decideAlert } from "../../src/alerts/decide.ts";
import { leadEntities, leadsToCsv, leadsToFtmJsonl } from "../../src/finance/lead-export.ts";
import { createLead, type LeadView, listLeads } from "../../src/finance/leads.ts";
import { queuePaymentAlerts } from "../../src/finance/payment-alerts.ts";
import { screenPayments } from "../../src/finance/screen.ts";
import { MatchIndex } from "../../src/matching/index.ts";
import { profileFromEntities } from "../../src/matching/profile.ts";
import type { FtmEntity } from "../../src/model/entity.ts";
import { fixedClock } from "../../src/platform/clock.ts";
import { isFtfxError } from "../../src/platform/errors.ts";
import { importEntities } from "../../src/registry/import.ts";
import { addAgency } from "../../src/sharing/agencies.ts";
import { addArrangement } from "../../src/sharing/arrangements.ts";
import { findAudit } from "../../src/sharing/audit-log.ts";
import { LOCAL_OPERATOR, type SharingContext } from "../../src/sharing/context.ts";
import { ROLES } from "../../src/sharing/types.ts";
import { STORE_KINDS, type TestStore } from "../support/stores.ts";
import { payment } from "./synthetic-payments.ts";

const clock = fixedClock("2026-11-25T12:00:00Z");
const KEY = "test-reference-secret";
const SUBJECT: FtmEntity = {
  id: "syn-lead-subject",
  schema: "Person",
  properties: { name: ["Idris Qaderbayli"], birthDate: ["1987-06-01"], notes: ["SYNTHETIC test record"] },
};
const asAgency = (agencyId: string): SharingContext => ({
  actor: { agencyId, userId: `${agencyId}-officer`, roles: [...ROLES] },
  clock,
});
const conflict = (error: unknown) => isFtfxError(error) && error.code === "conflict";

for (const kind of STORE_KINDS) {
  describe(`financial-intelligence leads on ${kind.name}`, () => {
    let testStore: TestStore;
    let fiu: SharingContext;
    let partner: SharingContext;
    let border: SharingContext;
    let confirmedAlert: string;
    let openAlert: string;

    before(async () => {
      testStore = await kind.open();
      const { db } = testStore.store;
      const operator = { actor: LOCAL_OPERATOR, clock };
      const add = (name: string, country: string, type: string) =>
        addAgency(db, { name, country, type }, operator);
      fiu = asAgency((await add("SYNTHETIC FIU A", "FR", "financial-intelligence")).id);
      partner = asAgency((await add("SYNTHETIC FIU B", "DE", "financial-intelligence")).id);
      border = asAgency((await add("SYNTHETIC Border C", "NL", "border")).id);
      await importEntities(db, {
        source: "test",
        dataset: "synthetic-test",
        file: "test",
        actor: "test",
        originator: fiu.actor.agencyId,
        entities: [SUBJECT],
      });
      const payments = [
        payment({ creditor: { name: "Idris Qaderbayli", kind: "person" }, remittance: "rent" }),
        payment({ debtor: { name: "Idris Qaderbayli", kind: "unknown" } }),
      ];
      const screening = screenPayments(payments, new MatchIndex(profileFromEntities([SUBJECT])));
      const queued = await queuePaymentAlerts(db, payments, screening, fiu, "test.csv");
      assert.equal(queued.length, 2);
      [confirmedAlert, openAlert] = queued.map((a) => a.id) as [string, string];
      await decideAlert(db, confirmedAlert, { decision: "confirm", reason: "same person, checked" }, fiu);
    });
    after(async () => {
      await testStore.dispose();
    });

    test("a confirmed payment alert becomes a lead with payment, subject, explanation and provenance", async () => {
      const { db } = testStore.store;
      const lead = await createLead(db, { alertId: confirmedAlert }, fiu);
      assert.equal(lead.subjectId, SUBJECT.id);
      assert.equal(lead.agencyId, fiu.actor.agencyId);
      assert.equal(lead.payment.creditor, "Idris Qaderbayli");
      assert.equal(lead.explanation.party, "creditor");
      assert.ok(lead.explanation.match.explanation.length > 0);
      const provenance = lead.provenance as { decision: { reason: string }; subject: { datasets: string[] } };
      assert.equal(provenance.decision.reason, "same person, checked");
      assert.deepEqual(provenance.subject.datasets, ["synthetic-test"]);
      assert.equal((await findAudit(db, { action: "lead.create", subject: lead.id })).length, 1);
      await assert.rejects(createLead(db, { alertId: confirmedAlert }, fiu), conflict);
      await assert.rejects(createLead(db, { alertId: openAlert }, fiu), conflict);
    });

    test("other agencies see a lead only under a financial-intelligence arrangement", async () => {
      const { db } = testStore.store;
      const own = await listLeads(db, fiu, KEY);
      assert.deepEqual(
        own.map((v) => v.level),
        ["own"],
      );
      assert.deepEqual(await listLeads(db, partner, KEY), []);
      await addArrangement(
        db,
        {
          from: fiu.actor.agencyId,
          to: border.actor.agencyId,
          disclosure: "full",
          purposes: ["border-screening"],
        },
        fiu,
      );
      assert.deepEqual(
        await listLeads(db, border, KEY),
        [],
        "an arrangement for another purpose shares nothing",
      );
      await addArrangement(
        db,
        {
          from: fiu.actor.agencyId,
          to: partner.actor.agencyId,
          disclosure: "full",
          purposes: ["financial-intelligence"],
          starts: "2026-01-01",
        },
        fiu,
      );
      const [shared] = await listLeads(db, partner, KEY);
      assert.equal(shared?.level, "full");
      assert.ok(shared && "subject" in shared && shared.subject && "entity" in shared.subject);
      const reads = await findAudit(db, { action: "lead.list", actor: { agencyId: partner.actor.agencyId } });
      assert.equal(reads.length, 2);
    });

    test("a summary arrangement shows the payment, the subject only by reference, no explanation", async () => {
      const { db } = testStore.store;
      const operator = { actor: LOCAL_OPERATOR, clock };
      const desk = asAgency(
        (
          await addAgency(
            db,
            { name: "SYNTHETIC FIU D", country: "BE", type: "financial-intelligence" },
            operator,
          )
        ).id,
      );
      await addArrangement(
        db,
        {
          from: fiu.actor.agencyId,
          to: desk.actor.agencyId,
          disclosure: "summary",
          purposes: ["financial-intelligence"],
        },
        fiu,
      );
      const [view] = await listLeads(db, desk, KEY);
      assert.equal(view?.level, "summary");
      assert.ok(view && view.level === "summary");
      assert.equal(view.lead.payment.creditor, "Idris Qaderbayli");
      assert.ok(!("explanation" in view.lead) && !("provenance" in view.lead));
      assert.match(view.lead.subjectId, /^ref_/);
      assert.equal(
        view.subject && "disclosure" in view.subject ? view.subject.disclosure : undefined,
        "summary",
      );
    });

    test("exports: valid FtM Payment, parties and subject; one CSV row per visible lead", async () => {
      const { db } = testStore.store;
      const views: LeadView[] = await listLeads(db, partner, KEY);
      const lines = leadsToFtmJsonl(views)
        .trim()
        .split("\n")
        .map((line) => JSON.parse(line) as FtmEntity);
      assert.equal(lines.length, views.flatMap(leadEntities).length);
      const schemata = lines.map((e) => e.schema).sort();
      assert.deepEqual(schemata, ["LegalEntity", "Payment", "Person", "Person"]);
      const transfer = lines.find((e) => e.schema === "Payment");
      assert.deepEqual(transfer?.properties.currency, ["EUR"]);
      const beneficiary = lines.find((e) => e.id === transfer?.properties.beneficiary?.[0]);
      assert.deepEqual(beneficiary?.properties.name, ["Idris Qaderbayli"]);
      const csv = leadsToCsv(views).trim().split("\n");
      assert.equal(csv.length, 1 + views.filter((v) => v.level !== "hit-no-hit").length);
      assert.match(csv[1] ?? "", /Idris Qaderbayli/);
    });
  });
}
