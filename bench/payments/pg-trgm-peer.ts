/**
 * The side-by-side peer of `npm run bench:payments`: what a financial intelligence unit without ftfx would
 * likely run — every named party of a payment looked up by trigram similarity (PostgreSQL's pg_trgm, a GIN
 * index and `%` at pg_trgm's default threshold) over the registry's names — timed on a sample of the same
 * payments over one connection (one server process, so one core), with the planted subjects it ranks among
 * its five best. Runs on the machine's PostgreSQL server when reachable, else on PGlite.
 */
import { partiesToScreen } from "../../src/finance/payment-parties.ts";
import type { Payment } from "../../src/formats/payment-types.ts";
import type { FtmEntity } from "../../src/model/entity.ts";
import { candidatesOf, isPerson } from "../matching/lists.ts";
import {
  createNameTable,
  indexNames,
  openPglite,
  openPostgres,
  PG_TRGM_DEFAULT_THRESHOLD,
  searchNames,
  setSimilarityThreshold,
} from "../matching/pg-trgm.ts";
import type { SyntheticPayments } from "./synthetic-payments.ts";

export interface PeerRun {
  engine: "PostgreSQL" | "PGlite";
  /** Payments of the sample and the seconds their parties' look-ups took. */
  payments: number;
  seconds: number;
  /** Planted creditors of the sample the peer ranks top five. */
  plantedFound: number;
}

const TOP = 5;
/** Look-ups before the clock starts, so the index and table are read in as they would be in service. */
const WARM_UP = 200;

/** Planted creditors of a sample: payment id → the planted subject's entity id. */
export function plantedCreditors(sample: readonly Payment[], planted: SyntheticPayments["planted"]) {
  const found = new Map<string, string>();
  for (const payment of sample) {
    const plant = planted.get(payment.id);
    if (plant?.where === "creditor") found.set(payment.id, plant.entityId);
  }
  return found;
}

/** `creditors`: the sample's planted creditors, as plantedCreditors gives them. */
export async function pgTrgmPayments(
  people: readonly FtmEntity[],
  sample: readonly Payment[],
  creditors: ReadonlyMap<string, string>,
): Promise<PeerRun> {
  const db = (await openPostgres()) ?? (await openPglite());
  try {
    const table = await createNameTable(db.sql, candidatesOf(people, isPerson));
    await indexNames(db.sql, table);
    await setSimilarityThreshold(db.sql, PG_TRGM_DEFAULT_THRESHOLD);
    const names = sample.flatMap((payment) => partiesToScreen(payment).map(({ party }) => party.name ?? ""));
    for (const name of names.slice(0, WARM_UP)) await searchNames(db.sql, table, name, TOP);

    let found = 0;
    const started = performance.now();
    for (const payment of sample) {
      for (const { role, party } of partiesToScreen(payment)) {
        const hits = await searchNames(db.sql, table, party.name ?? "", TOP);
        const subject = role === "creditor" ? creditors.get(payment.id) : undefined;
        if (subject && hits.some((hit) => people[hit.group]?.id === subject)) found++;
      }
    }
    const seconds = (performance.now() - started) / 1000;
    return {
      engine: db.engine,
      payments: sample.length,
      seconds,
      plantedFound: found,
    };
  } finally {
    await db.close();
  }
}
