/**
 * The exact document check: a traveller's document numbers against the registry's Passport and
 * Identification records (lost, stolen or FTF-linked documents), whether or not they name a holder.
 */
import { and, inArray, sql } from "drizzle-orm";
import { normaliseDocumentNumber } from "../alerts/redress.ts";
import type { RuleHit } from "../alerts/types.ts";
import type { FtmEntity } from "../model/entity.ts";
import type { DbOrTx } from "../platform/db.ts";
import { entities } from "../registry/schema.ts";

const DOCUMENT_SCHEMATA = ["Passport", "Identification"];

export interface RegisteredDocument {
  entityId: string;
  schema: string;
  number: string;
  country?: string;
  holders: string[];
}

/** Finds registered documents by normalised number. */
export type DocumentLookup = (numbers: readonly string[]) => Promise<RegisteredDocument[]>;

function registeredDocuments(entity: FtmEntity): RegisteredDocument[] {
  return (entity.properties.number ?? []).map((number) => {
    const document: RegisteredDocument = {
      entityId: entity.id,
      schema: entity.schema,
      number,
      holders: entity.properties.holder ?? [],
    };
    const country = entity.properties.country?.[0];
    if (country) document.country = country;
    return document;
  });
}

/** An in-memory lookup over list-file entities (no database). */
export function memoryDocumentLookup(list: readonly FtmEntity[]): DocumentLookup {
  const byNumber = new Map<string, RegisteredDocument[]>();
  for (const entity of list) {
    if (!DOCUMENT_SCHEMATA.includes(entity.schema)) continue;
    for (const document of registeredDocuments(entity)) {
      const key = normaliseDocumentNumber(document.number);
      if (key) byNumber.set(key, [...(byNumber.get(key) ?? []), document]);
    }
  }
  return async (numbers) => numbers.flatMap((n) => byNumber.get(normaliseDocumentNumber(n)) ?? []);
}

/** A lookup against the registry's active document records. */
export function storeDocumentLookup(db: DbOrTx): DocumentLookup {
  return async (numbers) => {
    const wanted = [...new Set(numbers.map(normaliseDocumentNumber).filter(Boolean))];
    if (wanted.length === 0) return [];
    const rows = await db
      .select()
      .from(entities)
      .where(
        and(
          inArray(entities.schema, DOCUMENT_SCHEMATA),
          sql`${entities.status} = 'active'`,
          sql`exists (select 1 from jsonb_array_elements_text(${entities.properties} -> 'number') as n(value)
                where upper(regexp_replace(n.value, '[^0-9A-Za-z]', '', 'g')) in (select jsonb_array_elements_text(${JSON.stringify(wanted)}::jsonb)))`,
        ),
      );
    return rows
      .flatMap((row) =>
        registeredDocuments({
          id: row.id,
          schema: row.schema,
          properties: row.properties,
          datasets: row.datasets,
        }),
      )
      .filter((d) => wanted.includes(normaliseDocumentNumber(d.number)));
  };
}

/** The built-in check's hit: critical, since a registered document number is not a name likeness. */
export function documentHit(document: RegisteredDocument): RuleHit {
  const holder = document.holders.length ? `, holder ${document.holders.join(", ")}` : "";
  const country = document.country ? ` (${document.country})` : "";
  return {
    ruleId: "registered-document",
    severity: "critical",
    detail: `document ${document.number}${country} is registered as ${document.schema} ${document.entityId}${holder}`,
  };
}
