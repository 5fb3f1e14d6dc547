import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import type { MatchResult } from "../../src/matching/types.ts";
import { fixedClock } from "../../src/platform/clock.ts";
import { findEntity } from "../../src/registry/queries.ts";
import { addAgency } from "../../src/sharing/agencies.ts";
import { authenticateKey, createKey, listKeys, revokeKey } from "../../src/sharing/api-keys.ts";
import { addArrangement, addRecipientGroup, listArrangements } from "../../src/sharing/arrangements.ts";
import { findAudit, verifyAuditLog } from "../../src/sharing/audit-log.ts";
import { LOCAL_OPERATOR, type SharingContext } from "../../src/sharing/context.ts";
import { discloseEntity, discloseMatches } from "../../src/sharing/disclose.ts";
import { decideFollowUp, listFollowUps, requestFollowUp } from "../../src/sharing/follow-ups.ts";
import { listNotifications } from "../../src/sharing/notifications.ts";
import { contributeEntity, withdrawEntity } from "../../src/sharing/records.ts";
import { listTombstones, reviewQueue, runRetention } from "../../src/sharing/retention.ts";
import type { Actor } from "../../src/sharing/types.ts";
import { STORE_KINDS, type TestStore } from "../support/stores.ts";

const clock = fixedClock("2026-06-01T00:00:00Z");
const operator: SharingContext = { actor: LOCAL_OPERATOR, clock };
const REFERENCE_KEY = "test-reference-secret";
const options = { referenceKey: REFERENCE_KEY, clock };
const actorOf = (agencyId: string): Actor => ({
  agencyId,
  userId: `usr-${agencyId}`,
  roles: ["contributor", "screener"],
});
const as = (agencyId: string): SharingContext => ({ actor: actorOf(agencyId), clock });
const matchOf = (entityId: string): MatchResult => ({
  entityId,
  caption: "x",
  score: 0.97,
  alert: true,
  explanation: [{ feature: "name", weight: 3 }] as MatchResult["explanation"],
});

/** The same key with one secret character changed. */
const otherSecret = (key: string) => `${key.slice(0, -1)}${key.endsWith("A") ? "B" : "A"}`;

for (const kind of STORE_KINDS) {
  describe(`sharing services on ${kind.name}`, () => {
    let testStore: TestStore;
    let nl: string;
    let de: string;
    let fr: string;
    let personId: string;
    let passportId: string;

    before(async () => {
      testStore = await kind.open();
      const { db } = testStore.store;
      nl = (
        await addAgency(
          db,
          { country: "NL", name: "NL FTF unit", type: "police", contact: "ftf@nl.example" },
          operator,
        )
      ).id;
      de = (await addAgency(db, { country: "DE", name: "DE border", type: "border" }, operator)).id;
      fr = (await addAgency(db, { country: "FR", name: "FR police", type: "police" }, operator)).id;
      const person = await contributeEntity(
        db,
        {
          schema: "Person",
          properties: {
            name: ["SYNTHETIC Jan Example"],
            birthDate: ["1990-01-02"],
            nationality: ["nl"],
            notes: ["SYNTHETIC test record"],
          },
          handling: "AMBER",
        },
        as(nl),
      );
      personId = person.id;
      const passport = await contributeEntity(
        db,
        { schema: "Passport", properties: { holder: [personId], number: ["SYN123456"] }, handling: "AMBER" },
        as(nl),
      );
      passportId = passport.id;
      await addArrangement(
        db,
        { from: nl, to: de, disclosure: "hit-no-hit", purposes: ["border-screening"] },
        operator,
      );
    });
    after(() => testStore.dispose());

    test("a contributed record belongs to the caller's agency and is versioned", async () => {
      const stored = await findEntity(testStore.store.db, personId);
      assert.equal(stored?.originator, nl);
      assert.equal(stored?.handling, "AMBER");
      assert.equal(stored?.version, 1);
    });

    test("a hit-no-hit recipient gets exactly hit, reference, originator and contact", async () => {
      const views = await discloseMatches(
        testStore.store.db,
        actorOf(de),
        "border-screening",
        [matchOf(personId)],
        options,
      );
      assert.equal(views.length, 1);
      assert.deepEqual(Object.keys(views[0] ?? {}).sort(), ["contact", "hit", "originator", "reference"]);
      assert.equal((views[0] as { contact: string }).contact, "ftf@nl.example");
      assert.equal((views[0] as { originator: string }).originator, nl);
    });

    test("no arrangement or the wrong purpose: the record does not exist for the viewer", async () => {
      const { db } = testStore.store;
      assert.deepEqual(
        await discloseMatches(db, actorOf(fr), "border-screening", [matchOf(personId)], options),
        [],
      );
      assert.deepEqual(
        await discloseMatches(db, actorOf(de), "investigation", [matchOf(personId)], options),
        [],
      );
      assert.equal(await discloseEntity(db, actorOf(fr), "investigation", personId, options), null);
    });

    test("every query is audited with its purpose and decisions; the originator is told of the hit", async () => {
      const { db } = testStore.store;
      const entries = await findAudit(db, { action: "match", actor: { agencyId: fr } });
      assert.ok(entries.length >= 1);
      assert.equal(entries[0]?.body.purpose, "border-screening");
      assert.deepEqual(
        ((entries[0]?.body.results ?? []) as { level: string }[]).map((r) => r.level),
        ["none"],
      );
      const inbox = await listNotifications(db, nl, { limit: 50 });
      const hits = inbox.filter((n) => n.kind === "hit");
      assert.ok(hits.length >= 1);
      assert.equal((hits[0]?.body.by as { agencyId: string } | undefined)?.agencyId, de);
      assert.equal(hits[0]?.body.purpose, "border-screening");
      assert.ok(inbox.every((n) => (n.body.by as { agencyId: string } | undefined)?.agencyId !== fr));
      assert.deepEqual(await verifyAuditLog(db), { ok: true, entries: (await findAudit(db, {})).length });
    });

    test("an approved follow-up raises disclosure for that requester and record only", async () => {
      const { db } = testStore.store;
      const [hit] = await discloseMatches(db, actorOf(de), "border-screening", [matchOf(personId)], options);
      const reference = (hit as { reference: string }).reference;
      await assert.rejects(
        requestFollowUp(db, { reference, purpose: "border-screening", level: "full", reason: "x" }, as(fr)),
        /no reference/,
      );
      const request = await requestFollowUp(
        db,
        { reference, purpose: "border-screening", level: "full", reason: "traveller at the gate" },
        as(de),
      );
      assert.equal(request.entityId, undefined, "the requester does not learn the entity id");
      await assert.rejects(decideFollowUp(db, request.id, { approve: true }, as(de)), /no follow-up/);
      const approved = await decideFollowUp(db, request.id, { approve: true, expires: "2026-07-01" }, as(nl));
      assert.equal(approved.status, "approved");
      assert.equal(approved.entityId, personId);
      const [full] = await discloseMatches(db, actorOf(de), "border-screening", [matchOf(personId)], options);
      assert.equal((full as { disclosure: string }).disclosure, "full");
      const documents = (full as { documents: { id: string }[] }).documents;
      assert.deepEqual(
        documents.map((d) => d.id),
        [],
        "the passport is a record of its own, not covered by the follow-up",
      );
      assert.ok((await listFollowUps(db, nl)).some((f) => f.id === request.id && f.status === "approved"));
      const deNotes = await listNotifications(db, de, { limit: 50 });
      assert.ok(deNotes.some((n) => n.kind === "follow-up-decision"));
    });

    test("under a full arrangement the record comes with its passport, without the originator's dates", async () => {
      const { db } = testStore.store;
      await addArrangement(db, { from: nl, to: de, disclosure: "full", purposes: ["prosecution"] }, operator);
      const [full] = await discloseMatches(db, actorOf(de), "prosecution", [matchOf(personId)], options);
      const view = full as { disclosure: string; documents: { id: string }[]; explanation: unknown[] };
      assert.equal(view.disclosure, "full");
      assert.deepEqual(
        view.documents.map((d) => d.id),
        [passportId],
      );
      assert.equal(view.explanation.length, 1);
    });

    test("only the originator withdraws; a withdrawn record stops being shown at once and recipients are told", async () => {
      const { db } = testStore.store;
      await assert.rejects(withdrawEntity(db, personId, as(de)), /no entity/);
      await withdrawEntity(db, personId, as(nl));
      assert.deepEqual(
        await discloseMatches(db, actorOf(de), "border-screening", [matchOf(personId)], options),
        [],
      );
      assert.equal(await discloseEntity(db, actorOf(de), "border-screening", personId, options), null);
      const own = await discloseEntity(db, actorOf(nl), "investigation", personId, options);
      assert.equal((own as { disclosure: string }).disclosure, "own");
      const deNotes = await listNotifications(db, de, { limit: 50 });
      assert.ok(deNotes.some((n) => n.kind === "withdrawn"));
      assert.equal((await findAudit(db, { action: "record.withdraw", subject: personId })).length, 1);
    });

    test("a group recipient reaches its members; keys authenticate until revoked", async () => {
      const { db } = testStore.store;
      const group = await addRecipientGroup(db, { name: "Southern partners", members: [fr] }, operator);
      await addArrangement(
        db,
        {
          from: nl,
          to: `group:${group.id}`,
          disclosure: "summary",
          purposes: ["analysis"],
          until: "2027-01-01",
        },
        operator,
      );
      assert.ok(
        (await listArrangements(db)).some(
          (a) => "group" in a.recipient && a.recipient.group.members.includes(fr),
        ),
      );
      const created = await createKey(db, { agencyId: fr, roles: ["screener"] }, operator);
      const actor = await authenticateKey(db, created.key);
      assert.equal(actor?.agencyId, fr);
      assert.deepEqual(actor?.roles, ["screener"]);
      assert.equal(await authenticateKey(db, otherSecret(created.key)), null);
      await revokeKey(db, created.id, operator);
      assert.equal(await authenticateKey(db, created.key), null);
      assert.ok((await listKeys(db, fr)).every((k) => k.revokedAt));
      await assert.rejects(
        addArrangement(db, { from: nl, to: de, disclosure: "most", purposes: ["analysis"] }, operator),
        /disclosure/,
      );
      await assert.rejects(
        addArrangement(
          db,
          { from: "agy_none", to: de, disclosure: "full", purposes: ["analysis"] },
          operator,
        ),
        /no agency/,
      );
    });

    test("retention: review queue, deletion past retainUntil with an audited tombstone free of personal data", async () => {
      const { db } = testStore.store;
      const name = "SYNTHETIC Retention Person";
      const old = await contributeEntity(
        db,
        { schema: "Person", properties: { name: [name] }, reviewBy: "2026-05-01", retainUntil: "2026-05-15" },
        as(nl),
      );
      const queue = await reviewQueue(db, nl, clock.now());
      assert.deepEqual(
        queue.map((r) => r.id),
        [old.id],
      );
      const run = await runRetention(db, operator);
      assert.equal(run.deleted, 1);
      assert.equal(await findEntity(db, old.id), undefined);
      const [tomb] = await listTombstones(db, nl);
      assert.equal(tomb?.entityId, old.id);
      const entries = await findAudit(db, { action: "record.delete", subject: old.id });
      assert.equal(entries.length, 1);
      assert.equal(entries[0]?.id, tomb?.auditId);
      assert.ok(!JSON.stringify(entries[0]?.body).includes("Retention Person"));
      assert.equal((await runRetention(db, operator)).deleted, 0);
      assert.equal((await verifyAuditLog(db)).ok, true);
    });
  });
}
