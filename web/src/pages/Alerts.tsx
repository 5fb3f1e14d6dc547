import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { Link } from "react-router";
import { api, query } from "../api.ts";
import { StatusBadge } from "../components/Handling.tsx";
import { ErrorNotice } from "../components/Notice.tsx";
import { type Alert, itemsOf } from "../types.ts";

export function SeverityBadge({ severity }: { severity: string }) {
  return <span className={`badge severity-${severity}`}>{severity}</span>;
}

export function AlertTable({ alerts, caption }: { alerts: readonly Alert[]; caption: string }) {
  return (
    <table>
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">Subject</th>
          <th scope="col">Severity</th>
          <th scope="col">Score</th>
          <th scope="col">Hits</th>
          <th scope="col">Status</th>
          <th scope="col">Raised</th>
        </tr>
      </thead>
      <tbody>
        {alerts.map((alert) => (
          <tr key={alert.id}>
            <td dir="auto">
              <Link to={`/alerts/${encodeURIComponent(alert.id)}`}>{alert.subject.name}</Link>
              {alert.subject.birthDate && <span className="muted"> · {alert.subject.birthDate}</span>}
            </td>
            <td>
              <SeverityBadge severity={alert.severity} />
            </td>
            <td className="num">{alert.score.toFixed(2)}</td>
            <td>
              {alert.matches.length} match{alert.matches.length === 1 ? "" : "es"}, {alert.ruleHits.length}{" "}
              rule
              {alert.ruleHits.length === 1 ? "" : "s"}
            </td>
            <td>
              <StatusBadge status={alert.status} />
            </td>
            <td>{alert.createdAt.slice(0, 16).replace("T", " ")}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** The alert queue, highest priority first (the server's order). */
export function AlertsPage() {
  const [status, setStatus] = useState("open");
  const alerts = useQuery({
    queryKey: ["alerts", status],
    queryFn: () => api<Alert[] | { items: Alert[] }>(`/api/v1/alerts${query({ status, limit: 200 })}`),
  });
  return (
    <section aria-labelledby="alerts-title">
      <h1 id="alerts-title">Alert queue</h1>
      <form className="filters" onSubmit={(event) => event.preventDefault()}>
        <label>
          Status
          <select value={status} onChange={(event) => setStatus(event.target.value)}>
            <option value="">all</option>
            <option>open</option>
            <option>escalated</option>
            <option>confirmed</option>
            <option>dismissed</option>
          </select>
        </label>
      </form>
      {alerts.error && <ErrorNotice error={alerts.error} />}
      {alerts.data && (
        <AlertTable alerts={itemsOf(alerts.data)} caption={`${itemsOf(alerts.data).length} alerts`} />
      )}
    </section>
  );
}
