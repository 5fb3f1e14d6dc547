/**
 * Links travellers across manifests with the matching engine: each traveller is a profile, each is
 * searched against the others, and pairs at the threshold join one cluster (union–find). Clusters show the
 * same person flying again under a name variant, another birth date typo or a new passport.
 */
import type { Manifest, Traveller } from "../formats/travel-types.ts";
import { MatchIndex } from "../matching/index.ts";
import { DEFAULT_ALERT_THRESHOLD } from "../matching/score.ts";
import type { MatchProfile } from "../matching/types.ts";
import { travellerQuery } from "./traveller-query.ts";

export interface LinkedTraveller {
  /** Index of the manifest in the input. */
  manifest: number;
  traveller: Traveller;
}

/** `manifestIndex:travellerRef` — unique across the linked manifests. */
const keyOf = (manifest: number, traveller: Traveller) => `${manifest}:${traveller.ref}`;

function profileOf(key: string, traveller: Traveller): MatchProfile {
  const query = travellerQuery(traveller);
  return {
    entityId: key,
    caption: traveller.fullName,
    schema: "Person",
    names: [traveller.fullName],
    birthDates: query.birthDate ? [query.birthDate] : [],
    nationalities: query.nationality ? [query.nationality] : [],
    genders: query.gender ? [query.gender] : [],
    birthPlaces: [],
    documents: traveller.documents.map((d) => {
      const document: MatchProfile["documents"][number] = { number: d.number };
      if (d.issuingCountry) document.country = d.issuingCountry;
      return document;
    }),
  };
}

/** Clusters of two or more travellers judged the same person, each in manifest order. */
export function linkTravellers(
  manifests: readonly Manifest[],
  threshold = DEFAULT_ALERT_THRESHOLD,
): LinkedTraveller[][] {
  const all = manifests.flatMap((manifest, m) =>
    manifest.travellers.map((traveller) => ({ manifest: m, traveller })),
  );
  const byKey = new Map(all.map((item) => [keyOf(item.manifest, item.traveller), item]));
  const index = new MatchIndex([...byKey].map(([key, item]) => profileOf(key, item.traveller)));
  const parent = new Map([...byKey.keys()].map((key) => [key, key]));
  const root = (key: string): string => {
    const up = parent.get(key) ?? key;
    if (up === key) return key;
    const top = root(up);
    parent.set(key, top);
    return top;
  };
  for (const [key, item] of byKey) {
    for (const match of index.search(travellerQuery(item.traveller), 5)) {
      if (match.entityId === key || match.score < threshold) continue;
      parent.set(root(match.entityId), root(key));
    }
  }
  const clusters = new Map<string, LinkedTraveller[]>();
  for (const [key, item] of byKey) clusters.set(root(key), [...(clusters.get(root(key)) ?? []), item]);
  return [...clusters.values()].filter((cluster) => cluster.length > 1);
}
