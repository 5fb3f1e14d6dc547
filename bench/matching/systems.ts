/**
 * ftfx and the peers behind one search shape for the retrieval sections: a query in, the best listed
 * subjects out (numbered as in `subjects`), each with a score and whether it alerts.
 */

import type { MatchQuery } from "../../src/matching/types.ts";
import type { FtmEntity } from "../../src/model/entity.ts";
import type { Ftfx, FtfxIndex } from "./ftfx.ts";
import { candidatesOf } from "./lists.ts";
import type { Peer } from "./peers.ts";

export interface SubjectHit {
  group: number;
  score: number;
  alert: boolean;
}

export interface SubjectSearch {
  id: string;
  label: string;
  search(query: MatchQuery, k: number): Promise<SubjectHit[]>;
  close(): Promise<void>;
}

/**
 * A name-only peer over the names of the subjects (or of those `only` keeps); it alerts at `threshold`
 * (tuned on the name benchmark). A peer with a built-in cut-off may drop names scoring below `minScore`.
 */
export async function peerSearch(
  peer: Peer,
  subjects: readonly FtmEntity[],
  threshold: number,
  options: { only?: (subject: FtmEntity) => boolean; minScore: number },
): Promise<SubjectSearch> {
  const index = await peer.buildIndex(candidatesOf(subjects, options.only), { minScore: options.minScore });
  return {
    id: peer.id,
    label: peer.label,
    search: async (query, k) =>
      (await index.search(query.name, k)).map((hit) => ({ ...hit, alert: hit.score >= threshold })),
    close: () => index.close(),
  };
}

/** ftfx's index over all list entities (it joins passports and the like to their holders itself). */
export function ftfxIndex(engine: Ftfx, entities: FtmEntity[]): FtfxIndex {
  return engine.index(engine.profiles(entities));
}

/**
 * ftfx as a subject search. With `nameOnly` the query keeps only its name, to compare like with like
 * against the name-only peers.
 */
export function ftfxSearch(
  index: FtfxIndex,
  subjects: readonly FtmEntity[],
  options: { nameOnly?: boolean } = {},
): SubjectSearch {
  const groupOf = new Map(subjects.map((s, group) => [s.id, group]));
  return {
    id: options.nameOnly ? "ftfx-name-only" : "ftfx",
    label: options.nameOnly ? "ftfx (name only)" : "ftfx",
    search: async (query, k) => {
      const asked: MatchQuery = options.nameOnly
        ? { id: query.id, schema: query.schema, name: query.name }
        : query;
      return index.search(asked, k).flatMap((result) => {
        const group = groupOf.get(result.entityId);
        return group === undefined ? [] : [{ group, score: result.score, alert: result.alert }];
      });
    },
    close: async () => {},
  };
}
