/**
 * Reads of registry rows by id on the busy paths (every screening asks about its matches). A read starts
 * once the event loop's current turn is over, so the calls of requests handled in that turn share it, and
 * calls that arrive while a read is running wait for the next read and share that: concurrent screenings
 * cost the store one query between them instead of queueing one each. A call never joins a read that had
 * already started, so it sees every write that committed before it was made.
 */
import type { DbOrTx } from "../platform/db.ts";
import { joinNextBatch } from "../platform/next-batch.ts";

/** Calls answered by one read at most; bounds the id list of one query. */
const MAX_CALLS = 100;

interface Waiting<Out> {
  ids: readonly string[];
  resolve: (found: Map<string, Out>) => void;
  reject: (error: unknown) => void;
}

/**
 * A shared-read loader: `read` fetches the rows of some ids, `shape` turns a row into what one caller gets
 * (called per caller, so callers never share an object they might change).
 */
export function batchedReads<Row extends { id: string }, Out>(
  read: (db: DbOrTx, ids: string[]) => Promise<Row[]>,
  shape: (row: Row) => Out,
): (db: DbOrTx, ids: readonly string[]) => Promise<Map<string, Out>> {
  const queues = new WeakMap<DbOrTx, Waiting<Out>[]>();

  async function readFor(db: DbOrTx, calls: Waiting<Out>[]): Promise<void> {
    try {
      const rows = await read(db, [...new Set(calls.flatMap((call) => call.ids))]);
      const byId = new Map(rows.map((row) => [row.id, row]));
      for (const call of calls) {
        const found = new Map<string, Out>();
        for (const id of call.ids) {
          const row = byId.get(id);
          if (row) found.set(id, shape(row));
        }
        call.resolve(found);
      }
    } catch (error) {
      for (const call of calls) call.reject(error);
    }
  }

  return (db, ids) => {
    if (ids.length === 0) return Promise.resolve(new Map());
    return new Promise((resolve, reject) =>
      joinNextBatch(queues, db, { ids, resolve, reject }, MAX_CALLS, readFor),
    );
  };
}
