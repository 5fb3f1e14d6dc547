import { useQuery } from "@tanstack/react-query";
import { Link, useParams } from "react-router";
import { useAgencyName } from "../agencies.ts";
import { api } from "../api.ts";
import { DecisionForm } from "../components/DecisionForm.tsx";
import { StatusBadge } from "../components/Handling.tsx";
import { MatchCard } from "../components/MatchCard.tsx";
import { ErrorNotice } from "../components/Notice.tsx";
import { useSession } from "../session.tsx";
import type { Alert } from "../types.ts";
import { SeverityBadge } from "./Alerts.tsx";

function Traveller({ alert }: { alert: Alert }) {
  const agencyName = useAgencyName();
  const { subject } = alert;
  const context = Object.entries(alert.context ?? {}).filter(
    ([, v]) => typeof v === "string" || typeof v === "number",
  );
  return (
    <section className="traveller" aria-labelledby="traveller-title">
      <h2 id="traveller-title">{alert.kind === "payment" ? "Payment party" : "Traveller"}</h2>
      <dl>
        <div className="pair">
          <dt>Name</dt>
          <dd dir="auto">{subject.name}</dd>
        </div>
        <div className="pair">
          <dt>Birth date</dt>
          <dd>{subject.birthDate ?? "—"}</dd>
        </div>
        <div className="pair">
          <dt>Nationality</dt>
          <dd>{subject.nationality ?? "—"}</dd>
        </div>
        <div className="pair">
          <dt>Document</dt>
          <dd>{subject.documentNumber ?? "—"}</dd>
        </div>
        {context.map(([key, value]) => (
          <div className="pair" key={key}>
            <dt>{key}</dt>
            <dd>{key === "agency" ? agencyName(String(value)) : String(value)}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}

/** One alert: the traveller beside each registry match with its explanation, rule hits, history, decision. */
export function AlertDetailPage() {
  const { id = "" } = useParams();
  const { can } = useSession();
  const alert = useQuery({
    queryKey: ["alert", id],
    queryFn: () => api<Alert>(`/api/v1/alerts/${encodeURIComponent(id)}`),
  });
  if (alert.error) return <ErrorNotice error={alert.error} />;
  if (!alert.data) return <p aria-busy="true">Loading…</p>;
  const a = alert.data;
  return (
    <section aria-labelledby="alert-title">
      <p>
        <Link to="/alerts">← Alert queue</Link>
      </p>
      <h1 id="alert-title" dir="auto">
        Alert: {a.subject.name}
      </h1>
      <p className="badges">
        <SeverityBadge severity={a.severity} /> <StatusBadge status={a.status} /> score {a.score.toFixed(3)}
      </p>
      <div className="side-by-side">
        <Traveller alert={a} />
        <section aria-labelledby="matches-title">
          <h2 id="matches-title">Registry matches</h2>
          {a.matches.length === 0 && <p>No registry match; rules only.</p>}
          {a.matches.map((match, index) => (
            <MatchCard key={String(match.entityId ?? match.reference ?? index)} match={match} />
          ))}
          {a.cleared && a.cleared.length > 0 && (
            <p>
              Cleared before:{" "}
              {a.cleared
                .map((c) => `${c.caption} (by ${c.clearedBy}, ${c.clearedAt.slice(0, 10)})`)
                .join("; ")}
            </p>
          )}
        </section>
      </div>
      <h2>Rule hits</h2>
      {a.ruleHits.length === 0 ? (
        <p>No rule hit.</p>
      ) : (
        <ul>
          {a.ruleHits.map((hit) => (
            <li key={hit.ruleId}>
              <SeverityBadge severity={hit.severity} /> <strong>{hit.ruleId}</strong>: {hit.detail}
            </li>
          ))}
        </ul>
      )}
      <h2>Earlier decisions</h2>
      {(a.history ?? []).length === 0 ? (
        <p>None yet.</p>
      ) : (
        <ol className="history">
          {(a.history ?? []).map((d) => (
            <li key={d.id}>
              {d.at.slice(0, 16).replace("T", " ")} · {d.actor} · {d.decision} ({d.fromStatus} → {d.toStatus}
              ): {d.reason}
            </li>
          ))}
        </ol>
      )}
      {a.status === "open" || a.status === "escalated" ? (
        can(["screener"]) && <DecisionForm alertId={a.id} />
      ) : (
        <p role="status" className="final">
          This alert is {a.status}; decisions are final.
        </p>
      )}
    </section>
  );
}
