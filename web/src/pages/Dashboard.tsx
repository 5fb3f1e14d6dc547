import { useQuery } from "@tanstack/react-query";
import type { ReactNode } from "react";
import { Link } from "react-router";
import { useAgencyName } from "../agencies.ts";
import { api, query } from "../api.ts";
import { offers, useCapabilities } from "../capabilities.ts";
import { ErrorNotice } from "../components/Notice.tsx";
import { useSession } from "../session.tsx";
import { useSummary } from "../summary.ts";
import { type Alert, itemsOf, type Role } from "../types.ts";
import { SeverityBadge } from "./Alerts.tsx";
import { useFollowUps } from "./FollowUps.tsx";
import { useNotifications } from "./Notifications.tsx";

const SEVERITIES = ["critical", "high", "medium", "low"];

function Card({ title, children }: { title: string; children: ReactNode }) {
  const id = `card-${title.replaceAll(/\W+/g, "-").toLowerCase()}`;
  return (
    <section className="card" aria-labelledby={id}>
      <h2 id={id}>{title}</h2>
      {children}
    </section>
  );
}

/** Shown only when the server has the routes and my roles may call them. */
function useAvailable(needs: string[], roles: readonly Role[] | "any"): boolean {
  const capabilities = useCapabilities();
  const { can } = useSession();
  return can(roles) && offers(capabilities.data, needs);
}

function OpenAlerts() {
  const alerts = useQuery({
    queryKey: ["alerts", "open"],
    queryFn: () =>
      api<Alert[] | { items: Alert[] }>(`/api/v1/alerts${query({ status: "open", limit: 200 })}`),
  });
  const open = itemsOf(alerts.data);
  return (
    <Card title="Open alerts by priority">
      {alerts.error && <ErrorNotice error={alerts.error} />}
      <ul className="plain counts">
        {SEVERITIES.map((severity) => (
          <li key={severity}>
            <SeverityBadge severity={severity} /> {open.filter((a) => a.severity === severity).length}
          </li>
        ))}
      </ul>
      <Link to="/alerts">Work the queue</Link>
    </Card>
  );
}

function HitsOnMyRecords() {
  const inbox = useNotifications();
  const hits = (inbox.data ?? []).filter((n) => n.kind.includes("hit"));
  return (
    <Card title="Hits on my agency's records">
      <p className="big">{hits.length}</p>
      <p>{hits.filter((n) => !n.readAt).length} unread</p>
      <Link to="/notifications">Notifications</Link>
    </Card>
  );
}

function FollowUpsWaiting() {
  const { me } = useSession();
  const list = useFollowUps();
  const waiting = (list.data ?? []).filter((f) => f.status === "pending" && f.originator === me?.agencyId);
  return (
    <Card title="Follow-up requests waiting for me">
      <p className="big">{waiting.length}</p>
      <Link to="/follow-ups">Follow-ups</Link>
    </Card>
  );
}

/** What needs attention today, for my agency and roles. */
export function DashboardPage() {
  const { me } = useSession();
  const summary = useSummary();
  const agencyName = useAgencyName();
  const showAlerts = useAvailable(["GET /api/v1/alerts"], ["screener", "analyst"]);
  const showHits = useAvailable(["GET /api/v1/notifications"], "any");
  const showFollowUps = useAvailable(["GET /api/v1/follow-ups"], ["contributor", "admin"]);
  return (
    <section aria-labelledby="dashboard-title">
      <h1 id="dashboard-title">Dashboard — {me?.agencyName ?? me?.agencyId}</h1>
      {summary.error && <ErrorNotice error={summary.error} />}
      <div className="cards">
        {showAlerts && <OpenAlerts />}
        <Card title="Screened today">
          <p className="big">{summary.data?.screenedToday.travellers ?? "…"}</p>
          <p>
            travellers on {summary.data?.screenedToday.flights ?? "…"} flight
            {summary.data?.screenedToday.flights === 1 ? "" : "s"}
          </p>
        </Card>
        {showHits && <HitsOnMyRecords />}
        {showFollowUps && <FollowUpsWaiting />}
      </div>
      <h2>Registry size by dataset and originator</h2>
      <table>
        <thead>
          <tr>
            <th scope="col">Dataset</th>
            <th scope="col">Originator</th>
            <th scope="col">Active records</th>
          </tr>
        </thead>
        <tbody>
          {(summary.data?.registry ?? []).map((row) => (
            <tr key={`${row.dataset}|${row.originator}`}>
              <td>{row.dataset}</td>
              <td>{agencyName(row.originator)}</td>
              <td className="num">{row.entities.toLocaleString()}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
