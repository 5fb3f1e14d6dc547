import { useQuery } from "@tanstack/react-query";
import { Link, useParams, useSearchParams } from "react-router";
import { partyText, useAgencyName, useArrangements } from "../agencies.ts";
import { api, query } from "../api.ts";
import { offers, useCapabilities } from "../capabilities.ts";
import { HandlingBadge, StatusBadge } from "../components/Handling.tsx";
import { ErrorNotice, Notice } from "../components/Notice.tsx";
import { OwnerActions } from "../components/OwnerActions.tsx";
import { useSession } from "../session.tsx";
import type { RegistryEntity } from "../types.ts";

const NAME_PROPERTIES = [
  "name",
  "alias",
  "weakAlias",
  "previousName",
  "firstName",
  "middleName",
  "lastName",
  "fatherName",
];
const DOCUMENT_PROPERTIES = ["passportNumber", "idNumber", "taxNumber", "registrationNumber"];
const PURPOSES = ["border-screening", "investigation", "prosecution", "financial-intelligence", "analysis"];

/** What GET /api/v1/entities/:id answers: my own record whole, another agency's as its arrangement allows. */
interface EntityAnswer extends Partial<RegistryEntity> {
  hit?: boolean;
  reference?: string;
  contact?: string;
  disclosure?: string;
  names?: string[];
  birthDates?: string[];
  nationalities?: string[];
  reasons?: string[];
  entity?: RegistryEntity;
  documents?: RegistryEntity[];
  relationships?: RegistryEntity[];
}

/** TLP 2.0 caps every arrangement; the policy on the server applies it, this only explains it. */
const HANDLING_REACH: Record<string, string> = {
  RED: "RED: never leaves the originator, whatever the arrangements say.",
  "AMBER+STRICT": "AMBER+STRICT: only arrangements naming a recipient agency apply.",
  AMBER: "AMBER: only arrangements with named recipients apply.",
  GREEN: "GREEN: arrangements within the coalition apply.",
  CLEAR: "CLEAR: every arrangement applies.",
};

function Values({ label, values }: { label: string; values: readonly string[] | undefined }) {
  if (!values || values.length === 0) return null;
  return (
    <>
      <dt>{label}</dt>
      <dd>
        <ul className="plain">
          {values.map((value) => (
            <li key={value} dir="auto">
              {value}
            </li>
          ))}
        </ul>
      </dd>
    </>
  );
}

function Properties({ entity }: { entity: RegistryEntity }) {
  const names = NAME_PROPERTIES.filter((p) => entity.properties[p]?.length);
  const rest = Object.keys(entity.properties).filter((p) => !NAME_PROPERTIES.includes(p));
  return (
    <>
      <h2>Names in every script</h2>
      <dl>
        {names.map((p) => (
          <Values key={p} label={p} values={entity.properties[p]} />
        ))}
      </dl>
      <h2>Identifying details</h2>
      <dl>
        {rest.map((p) => (
          <Values key={p} label={p} values={entity.properties[p]} />
        ))}
      </dl>
    </>
  );
}

function Provenance({ entity }: { entity: RegistryEntity }) {
  const agencyName = useAgencyName();
  return (
    <>
      <h2>Provenance</h2>
      <dl>
        <dt>Originator</dt>
        <dd>{agencyName(entity.originator)}</dd>
        <dt>Datasets</dt>
        <dd>{entity.datasets.join(", ")}</dd>
        {entity.listRef && (
          <>
            <dt>List reference</dt>
            <dd>{entity.listRef}</dd>
          </>
        )}
        <dt>First seen</dt>
        <dd>{entity.firstSeen}</dd>
        <dt>Last seen</dt>
        <dd>{entity.lastSeen}</dd>
        <dt>Version</dt>
        <dd>{entity.version}</dd>
        {entity.reviewBy && (
          <>
            <dt>Review by</dt>
            <dd>{entity.reviewBy}</dd>
          </>
        )}
      </dl>
    </>
  );
}

function Related({ title, records }: { title: string; records: readonly RegistryEntity[] | undefined }) {
  if (!records?.length) return null;
  return (
    <>
      <h2>{title}</h2>
      <ul>
        {records.map((record) => (
          <li key={record.id} dir="auto">
            {record.schema}: {record.caption}{" "}
            {DOCUMENT_PROPERTIES.concat(["number"])
              .flatMap((p) => record.properties[p] ?? [])
              .join(", ")}
          </li>
        ))}
      </ul>
    </>
  );
}

/** One version as src/registry/history.ts describes it: who, when, and what changed from the one before. */
interface VersionRow {
  version: number;
  change?: string;
  actor?: string;
  at?: string;
  properties?: { property: string; added: string[]; removed: string[] }[];
  fields?: { field: string; before: unknown; after: unknown }[];
}

function changes(row: VersionRow): string[] {
  const properties = (row.properties ?? []).flatMap((d) => [
    ...d.added.map((v) => `+ ${d.property}: ${v}`),
    ...d.removed.map((v) => `− ${d.property}: ${v}`),
  ]);
  const fields = (row.fields ?? []).map(
    (d) => `${d.field}: ${String(d.before ?? "—")} → ${String(d.after ?? "—")}`,
  );
  return [...fields, ...properties];
}

function History({ id }: { id: string }) {
  const capabilities = useCapabilities();
  const available = offers(capabilities.data, ["GET /api/v1/entities/{id}/history"]);
  const history = useQuery({
    queryKey: ["entity-history", id],
    queryFn: () =>
      api<VersionRow[] | { items: VersionRow[] }>(`/api/v1/entities/${encodeURIComponent(id)}/history`),
    enabled: available,
  });
  if (!available) return null;
  const rows = Array.isArray(history.data) ? history.data : (history.data?.items ?? []);
  return (
    <>
      <h2>Version history</h2>
      {history.error && <ErrorNotice error={history.error} />}
      <ol className="history">
        {rows.map((row) => (
          <li key={row.version}>
            <strong>version {row.version}</strong> · {row.change} · {row.at?.slice(0, 19).replace("T", " ")} ·{" "}
            {row.actor}
            <ul>
              {changes(row).map((line) => (
                <li key={line} dir="auto">
                  {line}
                </li>
              ))}
            </ul>
          </li>
        ))}
      </ol>
    </>
  );
}

function WhoMaySee({ entity }: { entity: RegistryEntity }) {
  const { me } = useSession();
  const agencyName = useAgencyName();
  const arrangements = useArrangements();
  const mine = (arrangements.data ?? []).filter(
    (a) => a.originator.agency === entity.originator || (me?.country && a.originator.country === me.country),
  );
  return (
    <>
      <h2>Who may see it</h2>
      <p>{HANDLING_REACH[entity.handling] ?? entity.handling}</p>
      {arrangements.error && <ErrorNotice error={arrangements.error} />}
      {mine.length === 0 ? (
        <p>No arrangement shares this originator's records: no other agency sees it.</p>
      ) : (
        <table>
          <thead>
            <tr>
              <th scope="col">Recipient</th>
              <th scope="col">Level</th>
              <th scope="col">Purposes</th>
              <th scope="col">Valid</th>
            </tr>
          </thead>
          <tbody>
            {mine.map((a) => (
              <tr key={a.id}>
                <td>{partyText(a.recipient, agencyName)}</td>
                <td>{a.disclosure}</td>
                <td>{a.purposes.join(", ")}</td>
                <td>
                  {a.validFrom.slice(0, 10)} – {a.validUntil?.slice(0, 10) ?? "open"}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}

/** One registry record: mine in full, another agency's as the sharing policy allows for a stated purpose. */
export function EntityPage() {
  const { id = "" } = useParams();
  const [params, setParams] = useSearchParams();
  const purpose = params.get("purpose") ?? undefined;
  const answer = useQuery({
    queryKey: ["entity", id, purpose],
    queryFn: () => api<EntityAnswer>(`/api/v1/entities/${encodeURIComponent(id)}${query({ purpose })}`),
  });
  const data = answer.data;
  const own = data?.properties ? (data as RegistryEntity) : undefined;
  const shared = data?.entity;
  const record = own ?? shared;
  return (
    <section aria-labelledby="entity-title">
      <p>
        <Link to="/entities">← Registry</Link>
      </p>
      <h1 id="entity-title" dir="auto">
        {record?.caption ?? data?.names?.[0] ?? (data?.hit ? `Hit ${data.reference}` : id)}
      </h1>
      {answer.error && (
        <>
          <ErrorNotice error={answer.error} />
          <form className="filters">
            <label>
              Purpose of this read (recorded in the audit log)
              <select value={purpose ?? ""} onChange={(event) => setParams({ purpose: event.target.value })}>
                <option value="">choose…</option>
                {PURPOSES.map((p) => (
                  <option key={p}>{p}</option>
                ))}
              </select>
            </label>
          </form>
        </>
      )}
      {record && (
        <p className="badges">
          <HandlingBadge handling={record.handling} /> <StatusBadge status={record.status} /> {record.schema}
          {data?.disclosure && <span className="badge">disclosed: {data.disclosure}</span>}
        </p>
      )}
      {record && <Properties entity={record} />}
      {data && !record && data.disclosure === "summary" && (
        <>
          <p className="badges">
            {data.handling && <HandlingBadge handling={data.handling} />}{" "}
            <span className="badge">disclosed: summary</span>
          </p>
          <dl>
            <Values label="Names" values={data.names} />
            <Values label="Birth dates" values={data.birthDates} />
            <Values label="Nationalities" values={data.nationalities} />
            <Values label="Reasons for listing" values={data.reasons} />
          </dl>
        </>
      )}
      {data?.hit && !data.disclosure && (
        <Notice kind="info" title="Hit only">
          The arrangement discloses only that there is a hit. Quote reference {data.reference} to{" "}
          {data.originator} ({data.contact}) or ask for more under Follow-ups.
        </Notice>
      )}
      <Related title="Documents" records={data?.documents} />
      <Related title="Relationships" records={data?.relationships} />
      {record && <Provenance entity={record} />}
      {own && <History id={own.id} />}
      {own && <WhoMaySee entity={own} />}
      {own && <OwnerActions key={`${own.id}-${own.version}`} entity={own} />}
    </section>
  );
}
