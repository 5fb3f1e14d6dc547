import type { FtfxLoad } from "./ftfx.ts";
import type { Peer } from "./peers.ts";

/** What every section of the matching benchmark is given. */
export interface BenchContext {
  /** Subsample for a fast smoke run. */
  quick: boolean;
  ftfx: FtfxLoad;
  /** The name-only peers, pg_trgm included. */
  peers: readonly Peer[];
  /** Each peer's threshold tuned on the name benchmark (filled by that section, used by later ones). */
  thresholds: Map<string, number>;
  log(message: string): void;
}
