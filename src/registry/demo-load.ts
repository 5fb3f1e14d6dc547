import { count } from "drizzle-orm";
import type { Db } from "../platform/db.ts";
import { importEntities } from "./import.ts";
import { entities } from "./schema.ts";
import { SYNTHETIC_DATASET, syntheticPeople } from "./synthetic.ts";

/** Enough synthetic people to browse and search, small enough that the first start stays quick. */
export const DEMO_PEOPLE = 5000;

/**
 * Fills an empty store with SYNTHETIC demo profiles (dataset `demo-synthetic`) so a fresh server has
 * something to show. Returns how many entities were loaded: 0 when the store already holds data.
 */
export async function loadDemoIfEmpty(db: Db, people = DEMO_PEOPLE): Promise<number> {
  const [row] = await db.select({ n: count() }).from(entities);
  if ((row?.n ?? 0) > 0) return 0;
  const result = await importEntities(db, {
    source: "synthetic",
    dataset: SYNTHETIC_DATASET,
    file: "faker (synthetic)",
    actor: "demo-loader",
    entities: syntheticPeople(people),
    handling: "CLEAR",
  });
  return result.added;
}
