/** The three WCO flights of GTAS and their ground truth (watchlist, expected hit, same-person clusters). */
import { readFileSync } from "node:fs";
import { parseTravelMessage } from "../../src/formats/travel-message.ts";
import type { Manifest } from "../../src/formats/travel-types.ts";
import type { FtmEntity } from "../../src/model/entity.ts";
import { dataPath } from "../support/data.ts";

interface GroundTruth {
  watchlist: { firstName: string; lastName: string; dob: string }[];
  expected_watchlist_hits: { traveller: string; watchlist_item: string }[];
  expected_same_person_clusters: string[][];
}

export const WCO_FILES = [1, 2, 3].map((n) => `travel-messages/paxlst/gtas_wco_flight${n}.edi`);

export function wcoFlight(n: 1 | 2 | 3): Manifest {
  const path = dataPath(WCO_FILES[n - 1] as string);
  return parseTravelMessage(readFileSync(path, "utf8"), path);
}

export function wcoGroundTruth(): GroundTruth {
  return JSON.parse(
    readFileSync(dataPath("travel-messages/paxlst/gtas_wco_flights_ground_truth.json"), "utf8"),
  );
}

/** The ground truth's watchlist as FtM Person entities. */
export function wcoWatchlist(): FtmEntity[] {
  return wcoGroundTruth().watchlist.map((w, i) => ({
    id: `wco-watch-${i + 1}`,
    schema: "Person",
    datasets: ["wco-watchlist"],
    properties: {
      name: [`${w.firstName} ${w.lastName}`],
      firstName: [w.firstName],
      lastName: [w.lastName],
      birthDate: [w.dob],
    },
  }));
}
