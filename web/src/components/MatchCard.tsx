import { lazy, Suspense } from "react";
import { Link } from "react-router";
import { useAgencyName } from "../agencies.ts";
import { useSession } from "../session.tsx";
import type { MatchView, RegistryEntity } from "../types.ts";
import { HandlingBadge } from "./Handling.tsx";

/** ECharts is large: loaded with the first explanation shown, not with the console. */
const EvidenceChart = lazy(() => import("./EvidenceChart.tsx").then((m) => ({ default: m.EvidenceChart })));

const SHOWN = [
  "name",
  "alias",
  "birthDate",
  "nationality",
  "gender",
  "passportNumber",
  "idNumber",
  "birthPlace",
];

function RecordFacts({ entity }: { entity: RegistryEntity }) {
  return (
    <dl>
      {SHOWN.filter((p) => entity.properties[p]?.length).map((p) => (
        <div key={p} className="pair">
          <dt>{p}</dt>
          <dd dir="auto">{entity.properties[p]?.join("; ")}</dd>
        </div>
      ))}
    </dl>
  );
}

/**
 * One registry match, shown at the level the sharing policy allowed: a hit/no-hit answer has a reference
 * and a contact only; a summary names the person; a full (or own) view has the record and the explanation.
 */
export function MatchCard({ match, purpose = "border-screening" }: { match: MatchView; purpose?: string }) {
  const agencyName = useAgencyName();
  const { me } = useSession();
  const entity = match.entity as RegistryEntity | undefined;
  const id = entity?.id ?? match.entityId;
  const title = entity?.caption ?? match.caption ?? (match.names as string[] | undefined)?.[0];
  // Another agency's record is read for a purpose, which the profile states to the server (and the audit log).
  const originator = entity?.originator ?? match.originator;
  const profile = id
    ? `/entities/${encodeURIComponent(id)}${originator && originator !== me?.agencyId ? `?purpose=${purpose}` : ""}`
    : undefined;
  return (
    <article className="match" aria-label={title ? `Match ${title}` : `Hit ${match.reference ?? ""}`}>
      <header>
        <h3 dir="auto">{title && profile ? <Link to={profile}>{title}</Link> : (title ?? "Hit")}</h3>
        {match.score !== undefined && <span className="score">score {match.score.toFixed(3)}</span>}
        {typeof match.handling === "string" && <HandlingBadge handling={match.handling} />}
        {entity && <HandlingBadge handling={entity.handling} />}
        {match.disclosure && <span className="badge">disclosed: {match.disclosure}</span>}
      </header>
      {match.hit && !match.disclosure && (
        <p>
          Hit only — reference <code>{match.reference}</code>. Ask the originator,{" "}
          {agencyName(match.originator ?? "")}: {match.contact}. Request more under Follow-ups.
        </p>
      )}
      {match.disclosure === "summary" && (
        <dl>
          <div className="pair">
            <dt>Names</dt>
            <dd dir="auto">{(match.names as string[] | undefined)?.join("; ")}</dd>
          </div>
          <div className="pair">
            <dt>Birth dates</dt>
            <dd>{(match.birthDates as string[] | undefined)?.join("; ")}</dd>
          </div>
          <div className="pair">
            <dt>Nationalities</dt>
            <dd>{(match.nationalities as string[] | undefined)?.join("; ")}</dd>
          </div>
        </dl>
      )}
      {entity && <RecordFacts entity={entity} />}
      {match.explanation && match.explanation.length > 0 && (
        <Suspense fallback={<p aria-busy="true">Loading the explanation…</p>}>
          <EvidenceChart
            evidence={match.explanation}
            {...(match.score !== undefined ? { score: match.score } : {})}
          />
        </Suspense>
      )}
    </article>
  );
}
