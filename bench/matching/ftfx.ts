/**
 * ftfx's matching engine as the benchmark drives it, loaded on demand so the peers still run (and ftfx
 * is reported absent, with the reason) while the engine is missing or broken.
 */

import type { MatchProfile, MatchQuery, MatchResult } from "../../src/matching/types.ts";
import type { FtmEntity } from "../../src/model/entity.ts";

export interface FtfxIndex {
  search(query: MatchQuery, k: number): MatchResult[];
}

export interface Ftfx {
  /** The engine's default alert threshold on its calibrated score. */
  threshold: number;
  /** Score of a name against a subject known only by one name (no other evidence, no registry stats). */
  scoreNames(queryName: string, listedName: string, schema: string): number;
  profiles(entities: FtmEntity[]): MatchProfile[];
  index(profiles: MatchProfile[]): FtfxIndex;
}

export type FtfxLoad = { engine: Ftfx } | { absent: string };

export async function loadFtfx(): Promise<FtfxLoad> {
  try {
    const [{ profileFromEntities }, { MatchIndex }, { scorePair, DEFAULT_ALERT_THRESHOLD }] =
      await Promise.all([
        import("../../src/matching/profile.ts"),
        import("../../src/matching/index.ts"),
        import("../../src/matching/score.ts"),
      ]);
    const engine: Ftfx = {
      threshold: DEFAULT_ALERT_THRESHOLD,
      // As `ftfx match-pairs` does: the listed name alone as a profile, built-in token frequencies.
      scoreNames: (queryName, listedName, schema) => {
        const profile: MatchProfile = {
          entityId: "listed",
          caption: listedName,
          schema,
          names: [listedName],
          birthDates: [],
          nationalities: [],
          genders: [],
          birthPlaces: [],
          documents: [],
        };
        return scorePair({ name: queryName, schema }, profile).score;
      },
      profiles: (entities) => profileFromEntities(entities),
      index: (profiles) => {
        const index = new MatchIndex(profiles);
        return { search: (query, k) => index.search(query, k) };
      },
    };
    return { engine };
  } catch (error) {
    return { absent: error instanceof Error ? (error.message.split("\n")[0] ?? "") : String(error) };
  }
}
