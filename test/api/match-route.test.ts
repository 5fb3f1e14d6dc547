import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import type { FastifyInstance } from "fastify";
import { buildServer } from "../../src/api/server.ts";
import { fixedClock } from "../../src/platform/clock.ts";
import { addAgency } from "../../src/sharing/agencies.ts";
import { createKey } from "../../src/sharing/api-keys.ts";
import { addArrangement } from "../../src/sharing/arrangements.ts";
import { findAudit } from "../../src/sharing/audit-log.ts";
import { LOCAL_OPERATOR, type SharingContext } from "../../src/sharing/context.ts";
import { contributeEntity } from "../../src/sharing/records.ts";
import { pgliteTestStore, type TestStore } from "../support/stores.ts";

const clock = fixedClock("2026-06-01T00:00:00Z");
const operator: SharingContext = { actor: LOCAL_OPERATOR, clock };
const SUBJECT = { name: "SYNTHETIC Idris Qasemi Varannen", birthDate: "1984-02-29", nationality: "sy" };

describe("POST /api/v1/match", () => {
  let testStore: TestStore;
  let app: FastifyInstance;
  let nlKey: string;
  let deKey: string;
  let frKey: string;
  let auditorKey: string;
  let subjectId: string;

  before(async () => {
    testStore = await pgliteTestStore();
    const { db } = testStore.store;
    const agency = async (country: string, type: "police" | "border") =>
      (
        await addAgency(
          db,
          { country, name: `${country} unit`, type, contact: `ftf@${country}.example` },
          operator,
        )
      ).id;
    const nl = await agency("NL", "police");
    const de = await agency("DE", "border");
    const fr = await agency("FR", "border");
    nlKey = (await createKey(db, { agencyId: nl, roles: ["contributor", "analyst"] }, operator)).key;
    deKey = (await createKey(db, { agencyId: de, roles: ["screener"] }, operator)).key;
    frKey = (await createKey(db, { agencyId: fr, roles: ["screener"] }, operator)).key;
    auditorKey = (await createKey(db, { agencyId: nl, roles: ["auditor"] }, operator)).key;
    const nlContext: SharingContext = {
      actor: { agencyId: nl, userId: "nl-officer", roles: ["contributor"] },
      clock,
    };
    subjectId = (
      await contributeEntity(
        db,
        {
          schema: "Person",
          properties: {
            name: [SUBJECT.name],
            birthDate: [SUBJECT.birthDate],
            nationality: [SUBJECT.nationality],
          },
          handling: "AMBER",
        },
        nlContext,
      )
    ).id;
    await addArrangement(
      db,
      { from: nl, to: de, disclosure: "hit-no-hit", purposes: ["border-screening"] },
      { actor: LOCAL_OPERATOR, clock },
    );
    app = await buildServer({ store: testStore.store, config: { bodyLimitBytes: 1 << 20 }, clock });
  });
  after(async () => {
    await app.close();
    await testStore.dispose();
  });

  const match = (key: string | undefined, payload: object) =>
    app.inject({
      method: "POST",
      url: "/api/v1/match",
      payload,
      headers: key ? { authorization: `Bearer ${key}` } : {},
    });

  test("the originator sees its own record in full, with an explanation that adds up", async () => {
    const response = await match(nlKey, { purpose: "investigation", ...SUBJECT });
    assert.equal(response.statusCode, 200, response.body);
    const [top] = response.json().matches;
    assert.equal(top.disclosure, "own");
    assert.equal(top.entity.id, subjectId);
    assert.ok(top.alert);
    const total = top.explanation.reduce((sum: number, e: { weight: number }) => sum + e.weight, 0);
    assert.ok(Math.abs(1 / (1 + Math.exp(-total)) - top.score) < 1e-6);
  });

  test("a hit-no-hit recipient learns only that there is a hit, a reference and whom to ask", async () => {
    const response = await match(deKey, { purpose: "border-screening", ...SUBJECT });
    assert.equal(response.statusCode, 200, response.body);
    const [top] = response.json().matches;
    assert.deepEqual(Object.keys(top).sort(), ["contact", "hit", "originator", "reference"]);
    assert.ok(!JSON.stringify(response.json()).includes("Qasemi"));
  });

  test("without an arrangement for the purpose or the agency, the answer equals no match at all", async () => {
    const wrongPurpose = await match(deKey, { purpose: "analysis", ...SUBJECT });
    const noArrangement = await match(frKey, { purpose: "border-screening", ...SUBJECT });
    const nobody = await match(deKey, {
      purpose: "border-screening",
      name: "SYNTHETIC Nobody Registered Atall",
    });
    assert.deepEqual(wrongPurpose.json(), { id: "q1", matches: [] });
    assert.deepEqual(noArrangement.json(), { id: "q1", matches: [] });
    assert.deepEqual(nobody.json(), { id: "q1", matches: [] });
  });

  test("a batch returns one result per query, in order, and the query is audited with its purpose", async () => {
    const response = await match(nlKey, {
      purpose: "analysis",
      queries: [{ id: "a", ...SUBJECT }, { name: "SYNTHETIC Nobody Registered Atall" }],
    });
    assert.equal(response.statusCode, 200, response.body);
    const { results } = response.json();
    assert.deepEqual(
      results.map((r: { id: string }) => r.id),
      ["a", "q2"],
    );
    const audit = await app.inject({
      method: "GET",
      url: "/api/v1/audit",
      headers: { authorization: `Bearer ${auditorKey}` },
    });
    assert.equal(audit.statusCode, 200, audit.body);
    assert.match(audit.body, /"action":"match"/);
    assert.match(audit.body, /"purpose":"analysis"/);
    assert.ok(findAudit);
  });

  test("bad requests: no key 401, missing purpose or name 400 naming the field", async () => {
    assert.equal((await match(undefined, { purpose: "analysis", ...SUBJECT })).statusCode, 401);
    const noPurpose = await match(nlKey, { ...SUBJECT });
    assert.equal(noPurpose.statusCode, 400);
    assert.match(noPurpose.json().detail, /purpose/);
    const badDate = await match(nlKey, { purpose: "analysis", name: "X", birthDate: "02/29/1984" });
    assert.equal(badDate.statusCode, 400);
    assert.match(badDate.json().detail, /birthDate/);
  });
});
