import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { fixedClock } from "../../src/platform/clock.ts";
import { addAgency } from "../../src/sharing/agencies.ts";
import { authenticateKey, createKey } from "../../src/sharing/api-keys.ts";
import { tailAudit } from "../../src/sharing/audit-log.ts";
import { LOCAL_OPERATOR, type SharingContext } from "../../src/sharing/context.ts";
import {
  addUser,
  currentPasswordUser,
  listUsers,
  setPassword,
  setUserDisabled,
  signInWithPassword,
} from "../../src/sharing/users.ts";
import { STORE_KINDS, type TestStore } from "../support/stores.ts";

const PASSWORD = "seven blue trams at noon";
const at = (iso: string): SharingContext => ({ actor: LOCAL_OPERATOR, clock: fixedClock(iso) });
const operator = at("2026-06-01T00:00:00Z");

for (const kind of STORE_KINDS) {
  describe(`users and passwords on ${kind.name}`, () => {
    let testStore: TestStore;
    let nl: string;

    before(async () => {
      testStore = await kind.open();
      nl = (await addAgency(testStore.store.db, { country: "NL", name: "NL unit", type: "police" }, operator))
        .id;
    });
    after(() => testStore.dispose());

    test("a user name is normalised to lower case, unique, and checked; roles are checked", async () => {
      const { db } = testStore.store;
      const added = await addUser(
        db,
        { agencyId: nl, username: " Anna.Jansen ", roles: ["screener"] },
        operator,
      );
      assert.equal(added.username, "anna.jansen");
      await assert.rejects(
        addUser(db, { agencyId: nl, username: "ANNA.JANSEN", roles: ["screener"] }, operator),
        /user name anna\.jansen is taken/,
      );
      for (const username of ["ab", "anna_jansen", "anna jansen", "-anna"]) {
        await assert.rejects(
          addUser(db, { agencyId: nl, username, roles: ["screener"] }, operator),
          (error: Error & { where?: string }) => error.where === "username",
          username,
        );
      }
      await assert.rejects(
        addUser(db, { agencyId: nl, username: "noroles", roles: [] }, operator),
        /at least one role/,
      );
      await assert.rejects(
        addUser(db, { agencyId: nl, username: "king", roles: ["king"] }, operator),
        /role "king"/,
      );
      await assert.rejects(
        addUser(db, { agencyId: "agy_none", username: "lost", roles: ["admin"] }, operator),
        /no agency/,
      );
    });

    test("a password is set under the policy and audited without the password or its hash", async () => {
      const { db } = testStore.store;
      const { id } = await addUser(
        db,
        { agencyId: nl, username: "bram", name: "Bram de Vries", roles: ["analyst"] },
        operator,
      );
      assert.equal(await signInWithPassword(db, "bram", PASSWORD), null, "no password yet: no sign-in");
      await assert.rejects(setPassword(db, id, "short", operator), /at least 12 characters/);
      await assert.rejects(setPassword(db, "bram", "bram bram bram bram", operator), /user name/);
      const set = await setPassword(db, "BRAM", PASSWORD, operator);
      assert.deepEqual(set, { id, username: "bram", passwordSetAt: "2026-06-01T00:00:00.000Z" });
      const [entry] = await tailAudit(db, { limit: 1 });
      assert.equal(entry?.body.action, "user.password");
      assert.equal(entry?.body.subject, id);
      assert.ok(
        !JSON.stringify(entry?.body).includes(PASSWORD) && !JSON.stringify(entry?.body).includes("scrypt"),
      );
      const listed = (await listUsers(db, nl)).find((u) => u.id === id);
      assert.deepEqual(listed, {
        id,
        agencyId: nl,
        username: "bram",
        name: "Bram de Vries",
        kind: "person",
        roles: ["analyst"],
        createdAt: "2026-06-01T00:00:00.000Z",
        passwordSetAt: "2026-06-01T00:00:00.000Z",
      });
    });

    test("sign-in gives the user's agency and roles; a wrong password or unknown name gives null", async () => {
      const { db } = testStore.store;
      const { id } = await addUser(
        db,
        { agencyId: nl, username: "carla", roles: ["screener", "auditor"] },
        operator,
      );
      await setPassword(db, id, PASSWORD, operator);
      const signedIn = await signInWithPassword(db, "Carla", PASSWORD);
      assert.deepEqual(signedIn?.actor, {
        agencyId: nl,
        userId: id,
        username: "carla",
        roles: ["screener", "auditor"],
      });
      assert.equal(await signInWithPassword(db, "carla", `${PASSWORD}!`), null);
      assert.equal(await signInWithPassword(db, "nobody-here", PASSWORD), null);
      assert.equal(await signInWithPassword(db, "not a valid name_", PASSWORD), null);
    });

    test("a session's person is current until the password is set again or the user is disabled", async () => {
      const { db } = testStore.store;
      const { id } = await addUser(db, { agencyId: nl, username: "dirk", roles: ["screener"] }, operator);
      await setPassword(db, id, PASSWORD, operator);
      const signedIn = await signInWithPassword(db, "dirk", PASSWORD);
      assert.ok(signedIn);
      assert.equal((await currentPasswordUser(db, id, signedIn.passwordSetAt))?.userId, id);
      await setPassword(db, id, "another long passphrase", at("2026-06-02T00:00:00Z"));
      assert.equal(
        await currentPasswordUser(db, id, signedIn.passwordSetAt),
        null,
        "reset ends old sessions",
      );
      const again = await signInWithPassword(db, "dirk", "another long passphrase");
      assert.ok(again);
      assert.deepEqual(await setUserDisabled(db, "dirk", true, operator), { id, disabled: true });
      assert.equal(await currentPasswordUser(db, id, again.passwordSetAt), null);
      assert.equal(
        await signInWithPassword(db, "dirk", "another long passphrase"),
        null,
        "disabled: no sign-in",
      );
      await setUserDisabled(db, id, false, operator);
      assert.ok(await signInWithPassword(db, "dirk", "another long passphrase"), "enabled again");
      const actions = (await tailAudit(db, { limit: 2 })).map((e) => e.body.action);
      assert.deepEqual(actions, ["user.disable", "user.enable"]);
    });

    test("a service account has no password; disabling it stops its keys", async () => {
      const { db } = testStore.store;
      const key = await createKey(db, { agencyId: nl, roles: ["screener"], name: "gate scanner" }, operator);
      const actor = await authenticateKey(db, key.key);
      assert.ok(actor);
      await assert.rejects(setPassword(db, actor.userId, PASSWORD, operator), /service account/);
      await setUserDisabled(db, actor.userId, true, operator);
      assert.equal(await authenticateKey(db, key.key), null);
      await setUserDisabled(db, actor.userId, false, operator);
      assert.ok(await authenticateKey(db, key.key));
      await assert.rejects(setUserDisabled(db, "usr_nobody", true, operator), /no user with id or user name/);
    });
  });
}
