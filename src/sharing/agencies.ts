/** Partner agencies and their people: added by the operator or a secretariat admin, every addition audited. */
import { asc, eq } from "drizzle-orm";
import type { Db, DbOrTx } from "../platform/db.ts";
import { badInput, notFound } from "../platform/errors.ts";
import { newId } from "../platform/ids.ts";
import { appendAudit, auditBody } from "./audit-log.ts";
import { LOCAL_AGENCY, type SharingContext } from "./context.ts";
import { agencies } from "./schema.ts";
import { type Agency, parseAgencyType, parseCountry } from "./types.ts";

export interface AgencyRecord extends Agency {
  /** Coalition member: GREEN and stricter handling reach only members. */
  member: boolean;
  contact: string;
}

export interface NewAgency {
  country: string;
  name: string;
  type: string;
  member?: boolean;
  contact?: string;
}

export async function addAgency(db: Db, input: NewAgency, context: SharingContext): Promise<AgencyRecord> {
  const name = input.name.trim();
  if (!name) throw badInput("an agency needs a name", "name");
  const agency: AgencyRecord = {
    id: newId("agy"),
    country: parseCountry(input.country, "country"),
    name,
    type: parseAgencyType(input.type, "type"),
    member: input.member ?? true,
    contact: input.contact?.trim() || `${name} (${input.country.toUpperCase()})`,
  };
  const now = context.clock.now();
  await db.transaction(async (tx) => {
    await tx.insert(agencies).values({ ...agency, createdAt: now.toISOString() });
    await appendAudit(
      tx,
      auditBody(context.actor, now, "agency.add", { subject: agency.id, agency: { ...agency } }),
    );
  });
  return agency;
}

export async function listAgencies(db: DbOrTx): Promise<AgencyRecord[]> {
  const rows = await db.select().from(agencies).orderBy(asc(agencies.country), asc(agencies.name));
  return rows.map(toAgency);
}

/**
 * The node's own operator: originator of what the CLI imports, and the agency of keys made for the
 * operator's staff (`keys create --agency local`). Not a partner: no country, outside the coalition.
 */
export const LOCAL_AGENCY_RECORD: AgencyRecord = {
  id: LOCAL_AGENCY,
  country: "",
  name: "local operator",
  type: "secretariat",
  member: false,
  contact: "the node operator",
};

export async function findAgency(db: DbOrTx, id: string): Promise<AgencyRecord | undefined> {
  if (id === LOCAL_AGENCY) return LOCAL_AGENCY_RECORD;
  const [row] = await db.select().from(agencies).where(eq(agencies.id, id));
  return row ? toAgency(row) : undefined;
}

export async function getAgency(db: DbOrTx, id: string): Promise<AgencyRecord> {
  const agency = await findAgency(db, id);
  if (!agency) throw notFound(`no agency with id ${id}`);
  return agency;
}

/** Only the public fields: the webhook and its secret never leave through an agency listing. */
function toAgency(row: typeof agencies.$inferSelect): AgencyRecord {
  const { id, country, name, member, contact } = row;
  return { id, country, name, type: parseAgencyType(row.type, "agencies.type"), member, contact };
}
