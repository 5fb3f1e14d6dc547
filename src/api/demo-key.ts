import { writeFileSync } from "node:fs";
import { join } from "node:path";
import type { Clock } from "../platform/clock.ts";
import type { Db } from "../platform/db.ts";
import { createKey } from "../sharing/api-keys.ts";
import { LOCAL_AGENCY, LOCAL_OPERATOR } from "../sharing/context.ts";
import { generatePassword } from "../sharing/passwords.ts";
import { ROLES } from "../sharing/types.ts";
import { addUser, listUsers, setPassword } from "../sharing/users.ts";

/** The synthetic person a fresh demo store can be signed in to by name. */
export const DEMO_USERNAME = "demo.operator";

/**
 * A fresh demo store has no keys, so nobody could sign in to the console: make one key for the node's
 * own agency with every role, and leave it (readable by the owner only) in the data folder.
 */
export async function createDemoKey(db: Db, dataDir: string, clock: Clock): Promise<string> {
  const { key } = await createKey(
    db,
    { agencyId: LOCAL_AGENCY, roles: [...ROLES], name: "demo operator (synthetic demo data)" },
    { actor: LOCAL_OPERATOR, clock },
  );
  const file = join(dataDir, "demo-api-key.txt");
  writeFileSync(file, `${key}\n`, { mode: 0o600 });
  return file;
}

/**
 * Likewise a synthetic person, `demo.operator` of the node's own agency with every role, with a fresh
 * random password: both go (owner-readable only) next to the demo key, so a newcomer can sign in by name.
 * When the store already has that user name, nothing is made or changed and the answer is undefined.
 */
export async function createDemoLogin(db: Db, dataDir: string, clock: Clock): Promise<string | undefined> {
  if ((await listUsers(db)).some((user) => user.username === DEMO_USERNAME)) return undefined;
  const context = { actor: LOCAL_OPERATOR, clock };
  const roles = [...ROLES];
  const { id } = await addUser(
    db,
    { agencyId: LOCAL_AGENCY, username: DEMO_USERNAME, name: "Demo operator (synthetic)", roles },
    context,
  );
  const password = generatePassword();
  await setPassword(db, id, password, context);
  const file = join(dataDir, "demo-login.txt");
  writeFileSync(file, `user name: ${DEMO_USERNAME}\npassword: ${password}\n`, { mode: 0o600 });
  return file;
}
