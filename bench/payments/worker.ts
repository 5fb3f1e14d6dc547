/**
 * One benchmark worker thread: builds its own matching index over the synthetic registry (threads share no
 * objects), then matches the payment chunks it is sent and answers with their matches and its busy time.
 */
import { parentPort, workerData } from "node:worker_threads";
import { matchPayments, type PaymentMatches } from "../../src/finance/screen.ts";
import type { Payment } from "../../src/formats/payment-types.ts";
import { MatchIndex } from "../../src/matching/index.ts";
import { profileFromEntities } from "../../src/matching/profile.ts";
import { syntheticPeople } from "../../src/registry/synthetic.ts";

export interface WorkerReply {
  matches: PaymentMatches[];
  millis: number;
}

const { profiles } = workerData as { profiles: number };
const started = performance.now();
const index = new MatchIndex(profileFromEntities(syntheticPeople(profiles)));
parentPort?.postMessage({ ready: performance.now() - started });

parentPort?.on("message", (payments: Payment[]) => {
  const begin = performance.now();
  const matches = matchPayments(payments, index);
  parentPort?.postMessage({ matches, millis: performance.now() - begin } satisfies WorkerReply);
});
