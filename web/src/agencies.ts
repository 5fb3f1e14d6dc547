import { useQuery } from "@tanstack/react-query";
import { api } from "./api.ts";

export interface AgencyInfo {
  id: string;
  country: string;
  name: string;
  type: string;
  member: boolean;
  contact: string;
}

export function useAgencies() {
  return useQuery({
    queryKey: ["agencies"],
    queryFn: () => api<AgencyInfo[]>("/api/v1/agencies"),
    staleTime: 60_000,
  });
}

/** "KMar PIU (NL)" for an agency id; the id itself while the list loads or for an unknown id. */
export function useAgencyName(): (id: string) => string {
  const agencies = useAgencies();
  const byId = new Map((agencies.data ?? []).map((a) => [a.id, `${a.name} (${a.country})`]));
  return (id) => byId.get(id) ?? id;
}

/** One side of an arrangement: an agency, every agency of a country, or a named group. */
export interface Party {
  agency?: string;
  country?: string;
  group?: { id: string; name: string; members?: string[] };
}

export interface ArrangementInfo {
  id: string;
  originator: Party;
  recipient: Party;
  disclosure: string;
  purposes: string[];
  validFrom: string;
  validUntil?: string;
}

export function useArrangements() {
  return useQuery({
    queryKey: ["arrangements"],
    queryFn: () => api<ArrangementInfo[]>("/api/v1/arrangements"),
  });
}

/** A party in words; group members are listed only when the server showed them (originator side). */
export function partyText(party: Party, agencyName: (id: string) => string): string {
  if (party.agency) return agencyName(party.agency);
  if (party.country) return `every agency of ${party.country}`;
  const members = party.group?.members ? ` (${party.group.members.map(agencyName).join(", ")})` : "";
  return `group ${party.group?.name ?? "?"}${members}`;
}
