/**
 * Batches for busy paths: a call that arrives while its key's batch is being worked joins the next batch;
 * the first call opens the queue and starts `drain`, which takes what has queued until nothing has and
 * then closes it (`queues.delete(key)`).
 */
export function joinNextBatch<Key extends object, Item>(
  queues: WeakMap<Key, Item[]>,
  key: Key,
  item: Item,
  drain: (key: Key, queue: Item[]) => Promise<void>,
): void {
  const queue = queues.get(key);
  if (queue) {
    queue.push(item);
    return;
  }
  const fresh = [item];
  queues.set(key, fresh);
  void drain(key, fresh);
}

/**
 * Resolves after the event loop's current turn: a drain that waits for it before taking its next batch
 * lets the calls of requests whose data arrived in the same turn join that batch.
 */
export function afterThisTurn(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}
