/**
 * A traveller as the matching engine's query, and as the subject an officer sees on an alert. The passport
 * (or the first document) is the one compared; every document is checked exactly in documents.ts.
 */
import type { AlertSubject } from "../alerts/types.ts";
import type { TravelDocument, Traveller } from "../formats/travel-types.ts";
import type { MatchQuery } from "../matching/types.ts";

const GENDERS: Record<string, string> = { M: "male", F: "female" };

/** The identity document to show and compare: a passport if there is one, otherwise the first non-visa. */
export function mainDocument(documents: readonly TravelDocument[]): TravelDocument | undefined {
  return (
    documents.find((d) => d.type?.toUpperCase() === "P") ??
    documents.find((d) => d.type?.toUpperCase() !== "V") ??
    documents[0]
  );
}

export function travellerQuery(traveller: Traveller): MatchQuery {
  const query: MatchQuery = { id: traveller.ref, schema: "Person", name: traveller.fullName };
  if (traveller.birthDate) query.birthDate = traveller.birthDate;
  if (traveller.nationality) query.nationality = traveller.nationality;
  const gender = traveller.gender && GENDERS[traveller.gender.toUpperCase()];
  if (gender) query.gender = gender;
  const document = mainDocument(traveller.documents);
  if (document) {
    query.documentNumber = document.number;
    const country = document.issuingCountry ?? document.nationality;
    if (country) query.documentCountry = country;
  }
  return query;
}

export function travellerSubject(traveller: Traveller): AlertSubject {
  const subject: AlertSubject = { name: traveller.fullName };
  if (traveller.birthDate) subject.birthDate = traveller.birthDate;
  if (traveller.nationality) subject.nationality = traveller.nationality;
  const document = mainDocument(traveller.documents);
  if (document) subject.documentNumber = document.number;
  return subject;
}
