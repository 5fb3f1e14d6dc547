import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import type { FastifyInstance } from "fastify";
import { buildServer } from "../../src/api/server.ts";
import { fixedClock } from "../../src/platform/clock.ts";
import { addAgency } from "../../src/sharing/agencies.ts";
import { createKey } from "../../src/sharing/api-keys.ts";
import { findAudit } from "../../src/sharing/audit-log.ts";
import { LOCAL_AGENCY, LOCAL_OPERATOR, type SharingContext } from "../../src/sharing/context.ts";
import { contributeEntity } from "../../src/sharing/records.ts";
import { ROLES, type Role } from "../../src/sharing/types.ts";
import { keyedInject } from "../support/http.ts";
import { pgliteTestStore, type TestStore } from "../support/stores.ts";

const clock = fixedClock("2026-06-01T00:00:00Z");
const operator: SharingContext = { actor: LOCAL_OPERATOR, clock };

interface RouteCase {
  method: "GET" | "POST" | "PATCH";
  url: string;
  body?: object;
  /** Roles that pass; undefined: every authenticated key. */
  roles?: readonly Role[];
  /** Called with the secretariat's keys instead of the police unit's. */
  bySecretariat?: true;
}

/** Every route this plugin adds, with the roles it admits (independent of ROUTE_ROLES, so a change there shows). */
const ROUTES: RouteCase[] = [
  {
    method: "POST",
    url: "/api/v1/entities",
    body: { schema: "Person", properties: { name: ["SYNTHETIC Role Test"] } },
    roles: ["contributor"],
  },
  { method: "POST", url: "/api/v1/entities/ent_missing/withdraw", roles: ["contributor", "admin"] },
  { method: "PATCH", url: "/api/v1/entities/ent_missing", body: { handling: "RED" }, roles: ["contributor"] },
  { method: "GET", url: "/api/v1/follow-ups" },
  {
    method: "POST",
    url: "/api/v1/follow-ups",
    body: { reference: "ref_missing", purpose: "analysis", level: "full", reason: "role test" },
    roles: ["screener", "analyst"],
  },
  {
    method: "POST",
    url: "/api/v1/follow-ups/fup_missing/approve",
    body: {},
    roles: ["contributor", "admin"],
  },
  { method: "POST", url: "/api/v1/follow-ups/fup_missing/deny", body: {}, roles: ["contributor", "admin"] },
  { method: "GET", url: "/api/v1/notifications" },
  { method: "POST", url: "/api/v1/notifications/read", body: { ids: [] } },
  { method: "GET", url: "/api/v1/audit/verify", roles: ["auditor", "admin"] },
  { method: "GET", url: "/api/v1/audit", roles: ["auditor"] },
  { method: "GET", url: "/api/v1/agencies" },
  {
    method: "POST",
    url: "/api/v1/agencies",
    body: { country: "BE", name: "Role test", type: "police" },
    roles: ["admin"],
    bySecretariat: true,
  },
  { method: "POST", url: "/api/v1/webhook", body: { url: null }, roles: ["admin"] },
  { method: "GET", url: "/api/v1/arrangements" },
  {
    method: "POST",
    url: "/api/v1/arrangements",
    body: { to: "country:DE", disclosure: "hit-no-hit", purposes: ["analysis"] },
    roles: ["admin"],
  },
  { method: "POST", url: "/api/v1/arrangements/arr_missing/end", roles: ["admin"] },
  { method: "GET", url: "/api/v1/keys", roles: ["admin"] },
  { method: "POST", url: "/api/v1/keys", body: { roles: ["screener"] }, roles: ["admin"] },
  { method: "POST", url: "/api/v1/keys/key_missing/revoke", roles: ["admin"] },
  { method: "GET", url: "/api/v1/retention/review", roles: ["contributor", "admin"] },
  { method: "GET", url: "/api/v1/entities" },
  { method: "GET", url: "/api/v1/entities/ent_missing?purpose=analysis" },
];

describe("sharing routes", () => {
  let testStore: TestStore;
  let app: FastifyInstance;
  /** One key per role for the NL police unit and the secretariat, one key with every role for DE. */
  const nlKeys = new Map<Role, string>();
  const secretariatKeys = new Map<Role, string>();
  let deKey: string;
  let secretariatKey: string;
  let nl: string;
  let de: string;

  before(async () => {
    testStore = await pgliteTestStore();
    const { db } = testStore.store;
    nl = (
      await addAgency(
        db,
        { country: "NL", name: "NL FTF unit", type: "police", contact: "ftf@nl.example" },
        operator,
      )
    ).id;
    de = (await addAgency(db, { country: "DE", name: "DE border police", type: "border" }, operator)).id;
    const sec = (
      await addAgency(db, { country: "BE", name: "Coalition secretariat", type: "secretariat" }, operator)
    ).id;
    for (const role of ROLES)
      nlKeys.set(role, (await createKey(db, { agencyId: nl, roles: [role] }, operator)).key);
    deKey = (await createKey(db, { agencyId: de, roles: [...ROLES] }, operator)).key;
    for (const role of ROLES)
      secretariatKeys.set(role, (await createKey(db, { agencyId: sec, roles: [role] }, operator)).key);
    secretariatKey = secretariatKeys.get("admin") ?? "";
    app = await buildServer({ store: testStore.store, config: { bodyLimitBytes: 1 << 20 }, clock });
  });
  after(async () => {
    await app.close();
    await testStore.dispose();
  });

  const call = keyedInject(() => app);
  const as = (role: Role) => nlKeys.get(role) ?? "";

  test("every route: 401 without a key, 403 for each role it does not admit, through for the others", async () => {
    for (const route of ROUTES) {
      const request = {
        method: route.method,
        url: route.url,
        ...(route.body ? { payload: route.body } : {}),
      };
      const anonymous = await call(undefined, request);
      assert.equal(anonymous.statusCode, 401, `${route.method} ${route.url} without a key`);
      for (const role of ROLES) {
        const key = route.bySecretariat ? secretariatKeys.get(role) : as(role);
        const response = await call(key, request);
        const admitted = route.roles === undefined || route.roles.includes(role);
        if (admitted)
          assert.ok(
            ![401, 403].includes(response.statusCode),
            `${route.method} ${route.url} as ${role}: ${response.body}`,
          );
        else assert.equal(response.statusCode, 403, `${route.method} ${route.url} as ${role}`);
      }
    }
  });

  test("the OpenAPI document covers every sharing route", async () => {
    const paths = Object.keys((await app.inject({ method: "GET", url: "/api/docs/json" })).json().paths);
    for (const route of ROUTES) {
      const path = route.url.split("?")[0]?.replace(/\/(ent|fup|arr|key)_missing/, "/{id}") ?? "";
      assert.ok(paths.includes(path), `${path} missing from ${paths.join(", ")}`);
    }
  });

  test("contribute, share hit-no-hit, follow up, approve, withdraw: each step seen by the other agency at once", async () => {
    const created = await call(as("contributor"), {
      method: "POST",
      url: "/api/v1/entities",
      payload: {
        id: "my-own-id",
        schema: "Person",
        properties: { name: ["SYNTHETIC Karel Voorbeeld"], birthDate: ["1988-03-04"], nationality: ["nl"] },
        handling: "AMBER",
      },
    });
    assert.equal(created.statusCode, 201, created.body);
    const id: string = created.json().id;
    assert.notEqual(id, "my-own-id", "ids are assigned by the server");
    const own = await call(as("analyst"), { method: "GET", url: `/api/v1/entities/${id}` });
    assert.equal(own.json().originator, nl);

    const readAs = (purpose: string) =>
      call(deKey, { method: "GET", url: `/api/v1/entities/${id}?purpose=${purpose}` });
    const missing = await call(deKey, {
      method: "GET",
      url: "/api/v1/entities/ent_nothing_here?purpose=border-screening",
    });
    const hidden = await readAs("border-screening");
    assert.equal(hidden.statusCode, 404);
    assert.equal(
      hidden.json().detail.replace(id, "ID"),
      missing.json().detail.replace("ent_nothing_here", "ID"),
    );
    assert.equal(
      (await call(deKey, { method: "GET", url: `/api/v1/entities/${id}` })).statusCode,
      400,
      "purpose is required",
    );

    const arranged = await call(as("admin"), {
      method: "POST",
      url: "/api/v1/arrangements",
      payload: { to: de, disclosure: "hit-no-hit", purposes: ["border-screening"] },
    });
    assert.equal(arranged.statusCode, 201, arranged.body);
    const hit = await readAs("border-screening");
    assert.equal(hit.statusCode, 200);
    assert.deepEqual(Object.keys(hit.json()).sort(), ["contact", "hit", "originator", "reference"]);
    assert.deepEqual(
      { ...(hit.json() as object), reference: "" },
      { hit: true, reference: "", originator: nl, contact: "ftf@nl.example" },
    );
    assert.equal((await readAs("investigation")).statusCode, 404);

    const followUp = await call(deKey, {
      method: "POST",
      url: "/api/v1/follow-ups",
      payload: {
        reference: hit.json().reference,
        purpose: "border-screening",
        level: "summary",
        reason: "traveller at the gate",
      },
    });
    assert.equal(followUp.statusCode, 201, followUp.body);
    const inbox = await call(as("screener"), { method: "GET", url: "/api/v1/notifications" });
    assert.ok(inbox.json().some((n: { kind: string }) => n.kind === "follow-up-request"));
    const approved = await call(as("contributor"), {
      method: "POST",
      url: `/api/v1/follow-ups/${followUp.json().id}/approve`,
    });
    assert.equal(approved.statusCode, 200, approved.body);
    const again = await call(as("contributor"), {
      method: "POST",
      url: `/api/v1/follow-ups/${followUp.json().id}/deny`,
      payload: {},
    });
    assert.equal(again.statusCode, 409);
    const summary = (await readAs("border-screening")).json();
    assert.equal(summary.disclosure, "summary");
    assert.deepEqual(summary.names, ["SYNTHETIC Karel Voorbeeld"]);
    assert.equal(summary.entity, undefined);

    const edit = (key: string, payload: object) =>
      call(key, { method: "PATCH", url: `/api/v1/entities/${id}`, payload });
    assert.equal((await edit(deKey, { handling: "RED" })).statusCode, 404, "only the originator edits");
    assert.equal((await edit(as("contributor"), { handling: "RED" })).json().version, 2);
    assert.equal((await readAs("border-screening")).statusCode, 404, "narrowed to RED: gone at once");
    assert.equal((await edit(as("contributor"), { handling: "AMBER" })).statusCode, 200);
    assert.equal((await readAs("border-screening")).statusCode, 200);
    assert.equal(
      (await call(deKey, { method: "POST", url: `/api/v1/entities/${id}/withdraw` })).statusCode,
      404,
    );
    const withdrawn = await call(as("contributor"), {
      method: "POST",
      url: `/api/v1/entities/${id}/withdraw`,
    });
    assert.deepEqual(withdrawn.json(), { id, status: "withdrawn" });
    assert.equal((await readAs("border-screening")).statusCode, 404);
    const deInbox = (await call(deKey, { method: "GET", url: "/api/v1/notifications" })).json();
    assert.ok(deInbox.some((n: { kind: string }) => n.kind === "withdrawn"));

    const reads = await findAudit(testStore.store.db, { action: "record.read", subject: id });
    assert.ok(reads.length >= 4);
    assert.ok(reads.every((e) => typeof e.body.purpose === "string"));
  });

  test("keys made and revoked over the API work and stop working at once", async () => {
    const created = await call(as("admin"), {
      method: "POST",
      url: "/api/v1/keys",
      payload: { roles: ["auditor"] },
    });
    assert.equal(created.statusCode, 201);
    const { id, key } = created.json();
    const verify = await call(key, { method: "GET", url: "/api/v1/audit/verify" });
    assert.equal(verify.json().ok, true);
    assert.ok(verify.json().entries > 0);
    assert.equal(
      (await call(deKey, { method: "POST", url: `/api/v1/keys/${id}/revoke` })).statusCode,
      404,
      "another agency's key",
    );
    assert.equal(
      (await call(as("admin"), { method: "POST", url: `/api/v1/keys/${id}/revoke` })).statusCode,
      204,
    );
    assert.equal((await call(key, { method: "GET", url: "/api/v1/audit/verify" })).statusCode, 401);
  });

  test("only a secretariat's admins add agencies; arrangements are listed to their parties", async () => {
    const payload = { country: "FR", name: "FR police", type: "police" };
    assert.equal(
      (await call(as("admin"), { method: "POST", url: "/api/v1/agencies", payload })).statusCode,
      403,
    );
    const added = await call(secretariatKey, { method: "POST", url: "/api/v1/agencies", payload });
    assert.equal(added.statusCode, 201);
    const listed = (await call(secretariatKey, { method: "GET", url: "/api/v1/arrangements" })).json();
    assert.deepEqual(listed, [], "the secretariat is party to no arrangement");
    const deSees = (await call(deKey, { method: "GET", url: "/api/v1/arrangements" })).json();
    assert.ok(deSees.length >= 1);
  });

  test("the node operator's staff use keys of agency local and list what the node imported", async () => {
    const { db } = testStore.store;
    const imported = await contributeEntity(
      db,
      { schema: "Person", properties: { name: ["SYNTHETIC Local Import"] }, handling: "CLEAR" },
      operator,
    );
    const localKey = (await createKey(db, { agencyId: LOCAL_AGENCY, roles: ["analyst"] }, operator)).key;
    const listOf = async (key: string) =>
      (await call(key, { method: "GET", url: "/api/v1/entities?limit=500" }))
        .json()
        .items.map((e: { id: string }) => e.id);
    assert.deepEqual(await listOf(localKey), [imported.id]);
    assert.ok(
      !(await listOf(as("analyst"))).includes(imported.id),
      "another agency lists only its own records",
    );
  });
});
