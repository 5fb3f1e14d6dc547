/** Whole registry records by id for the disclosure path, read in shared reads (see batched-reads.ts). */
import { inArray } from "drizzle-orm";
import { toRegistryEntity } from "../registry/rows.ts";
import { entities } from "../registry/schema.ts";
import { batchedReads } from "./batched-reads.ts";

/** The records with these ids, by id; ids the registry does not hold are absent. */
export const loadRecords = batchedReads(
  (db, ids) => db.select().from(entities).where(inArray(entities.id, ids)),
  toRegistryEntity,
);
