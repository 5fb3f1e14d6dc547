/**
 * One benchmark worker thread: builds its own matching index over the synthetic registry (threads share no
 * objects), then matches the payment chunks it is sent and answers each with its matches and busy time.
 * Chunks of one batch share the batch's caches (each distinct party is screened once per batch and thread).
 */
import { parentPort, workerData } from "node:worker_threads";
import { BatchMatcher, type PaymentMatches } from "../../src/finance/screen.ts";
import type { Payment } from "../../src/formats/payment-types.ts";
import { MatchIndex } from "../../src/matching/index.ts";
import { profileFromEntities } from "../../src/matching/profile.ts";
import { syntheticPeople } from "../../src/registry/synthetic.ts";

export interface WorkerRequest {
  /** Chunks with the same batch number belong to one batch; a new number starts a new one. */
  batch: number;
  payments: Payment[];
  /** The batch's last chunk: its caches are let go once it is answered. */
  last: boolean;
}

export interface WorkerReply {
  matches: PaymentMatches[];
  millis: number;
}

const { profiles } = workerData as { profiles: number };
const started = performance.now();
const index = new MatchIndex(profileFromEntities(syntheticPeople(profiles)));
parentPort?.postMessage({ ready: performance.now() - started });

let current: { batch: number; matcher: BatchMatcher } | undefined;
parentPort?.on("message", ({ batch, payments, last }: WorkerRequest) => {
  const begin = performance.now();
  if (current?.batch !== batch) current = { batch, matcher: new BatchMatcher(index) };
  const matches = current.matcher.matchAll(payments);
  if (last) current = undefined;
  parentPort?.postMessage({ matches, millis: performance.now() - begin } satisfies WorkerReply);
});
