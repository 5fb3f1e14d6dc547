/**
 * Batches for busy paths: a call that arrives while its key's batch is being worked joins the next batch.
 * The first call opens the queue; each batch is taken once the event loop's current turn is over, so the
 * calls of requests whose data arrived in the same turn share it, and up to `maxBatch` calls at a time are
 * handed to `work`, until nothing has queued; then the queue closes. `work` answers its calls itself,
 * failures included: it must not reject.
 */
export function joinNextBatch<Key extends object, Item>(
  queues: WeakMap<Key, Item[]>,
  key: Key,
  item: Item,
  maxBatch: number,
  work: (key: Key, batch: Item[]) => Promise<void>,
): void {
  const queue = queues.get(key);
  if (queue) {
    queue.push(item);
    return;
  }
  const fresh = [item];
  queues.set(key, fresh);
  void drain(queues, key, fresh, maxBatch, work);
}

async function drain<Key extends object, Item>(
  queues: WeakMap<Key, Item[]>,
  key: Key,
  queue: Item[],
  maxBatch: number,
  work: (key: Key, batch: Item[]) => Promise<void>,
): Promise<void> {
  while (queue.length > 0) {
    await new Promise((resolve) => setImmediate(resolve));
    await work(key, queue.splice(0, maxBatch));
  }
  queues.delete(key);
}
