/**
 * Registry records by id for the disclosure path. Calls that arrive while a read is running wait for the
 * next read and share it, so concurrent screenings cost the store one query between them instead of
 * queueing one each. A call never joins a read that had already started, so it sees every write that
 * committed before it was made.
 */
import { inArray } from "drizzle-orm";
import type { RegistryEntity } from "../model/entity.ts";
import type { Db } from "../platform/db.ts";
import { toRegistryEntity } from "../registry/rows.ts";
import { entities } from "../registry/schema.ts";

/** Calls answered by one read at most; bounds the id list of one query. */
const MAX_CALLS = 100;

interface Waiting {
  ids: readonly string[];
  resolve: (records: Map<string, RegistryEntity>) => void;
  reject: (error: unknown) => void;
}

const queues = new WeakMap<Db, Waiting[]>();

/** The records with these ids, by id; ids the registry does not hold are absent. */
export function loadRecords(db: Db, ids: readonly string[]): Promise<Map<string, RegistryEntity>> {
  if (ids.length === 0) return Promise.resolve(new Map());
  return new Promise((resolve, reject) => {
    const waiting = { ids, resolve, reject };
    const queue = queues.get(db);
    if (queue) {
      queue.push(waiting);
      return;
    }
    const fresh = [waiting];
    queues.set(db, fresh);
    void drain(db, fresh);
  });
}

async function drain(db: Db, queue: Waiting[]): Promise<void> {
  while (queue.length > 0) {
    const calls = queue.splice(0, MAX_CALLS);
    try {
      const wanted = [...new Set(calls.flatMap((call) => call.ids))];
      const rows = await db.select().from(entities).where(inArray(entities.id, wanted));
      const byId = new Map(rows.map((row) => [row.id, row]));
      // Each caller gets records of its own: presenters may shape them without touching another call's.
      for (const call of calls) {
        const records = new Map<string, RegistryEntity>();
        for (const id of call.ids) {
          const row = byId.get(id);
          if (row) records.set(id, toRegistryEntity(row));
        }
        call.resolve(records);
      }
    } catch (error) {
      for (const call of calls) call.reject(error);
    }
  }
  queues.delete(db);
}
