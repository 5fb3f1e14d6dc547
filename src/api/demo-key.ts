import { writeFileSync } from "node:fs";
import { join } from "node:path";
import type { Clock } from "../platform/clock.ts";
import type { Db } from "../platform/db.ts";
import { createKey } from "../sharing/api-keys.ts";
import { LOCAL_AGENCY, LOCAL_OPERATOR } from "../sharing/context.ts";
import { ROLES } from "../sharing/types.ts";

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
