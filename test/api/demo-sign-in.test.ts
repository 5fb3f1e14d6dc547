import assert from "node:assert/strict";
import { mkdtempSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, test } from "node:test";
import { createDemoKey, createDemoLogin, DEMO_USERNAME } from "../../src/api/demo-key.ts";
import { systemClock } from "../../src/platform/clock.ts";
import { authenticateKey } from "../../src/sharing/api-keys.ts";
import { LOCAL_AGENCY } from "../../src/sharing/context.ts";
import { ROLES } from "../../src/sharing/types.ts";
import { signInWithPassword } from "../../src/sharing/users.ts";
import { pgliteTestStore, type TestStore } from "../support/stores.ts";

describe("a fresh demo store's sign-ins", () => {
  let testStore: TestStore;
  let dir: string;

  before(async () => {
    testStore = await pgliteTestStore();
    dir = mkdtempSync(join(tmpdir(), "ftfx-demo-"));
  });
  after(async () => {
    await testStore.dispose();
    rmSync(dir, { recursive: true, force: true });
  });

  test("the demo key and the demo user's password are written for the owner only, and both sign in with every role", async () => {
    const { db } = testStore.store;
    const keyFile = await createDemoKey(db, dir, systemClock);
    const loginFile = await createDemoLogin(db, dir, systemClock);
    assert.equal(loginFile, join(dir, "demo-login.txt"));
    for (const file of [keyFile, loginFile]) assert.equal(statSync(file).mode & 0o777, 0o600, file);
    const key = await authenticateKey(db, readFileSync(keyFile, "utf8").trim());
    assert.deepEqual(key?.roles, [...ROLES]);
    const login = readFileSync(loginFile, "utf8");
    const match = /^user name: (\S+)\npassword: (\S{24})\n$/.exec(login);
    assert.ok(match, login);
    assert.equal(match[1], DEMO_USERNAME);
    const signedIn = await signInWithPassword(db, match[1] ?? "", match[2] ?? "");
    assert.deepEqual(signedIn?.actor.roles, [...ROLES]);
    assert.equal(signedIn?.actor.agencyId, LOCAL_AGENCY);
  });

  test("a store that already has the demo user name is left alone", async () => {
    const before = readFileSync(join(dir, "demo-login.txt"), "utf8");
    assert.equal(await createDemoLogin(testStore.store.db, dir, systemClock), undefined);
    assert.equal(readFileSync(join(dir, "demo-login.txt"), "utf8"), before);
  });
});
