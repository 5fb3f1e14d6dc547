import assert from "node:assert/strict";
import { test } from "node:test";
import type { DbOrTx } from "../../src/platform/db.ts";
import { batchedReads } from "../../src/sharing/batched-reads.ts";

/** A loader over a counting stand-in for the store: each read answers every id asked for. */
function countingLoader() {
  const reads: string[][] = [];
  const load = batchedReads(
    async (_db: DbOrTx, ids: string[]) => {
      reads.push([...ids].sort());
      return ids.map((id) => ({ id, value: `row ${id}` }));
    },
    (row) => row.value,
  );
  return { reads, load, db: {} as DbOrTx };
}

test("calls made in the same turn of the event loop share one read", async () => {
  const { reads, load, db } = countingLoader();
  const answers = await Promise.all([load(db, ["a"]), load(db, ["b", "c"]), load(db, ["a", "d"])]);
  assert.deepEqual(reads, [["a", "b", "c", "d"]]);
  assert.deepEqual(
    answers.map((found) => [...found.entries()]),
    [
      [["a", "row a"]],
      [
        ["b", "row b"],
        ["c", "row c"],
      ],
      [
        ["a", "row a"],
        ["d", "row d"],
      ],
    ],
  );
});

test("a call made while a read runs waits for the next read", async () => {
  const { reads, load, db } = countingLoader();
  const first = load(db, ["a"]);
  // Let the first read start, then ask again before it answers.
  await new Promise((resolve) => setImmediate(resolve));
  const second = load(db, ["b"]);
  await Promise.all([first, second]);
  assert.deepEqual(reads, [["a"], ["b"]]);
});
