import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useAgencyName } from "../agencies.ts";
import { api, query } from "../api.ts";
import { offers, useCapabilities } from "../capabilities.ts";
import { ErrorNotice, Notice } from "../components/Notice.tsx";

interface AuditEntry {
  id: string;
  seq: number;
  hash: string;
  body: {
    at?: string;
    action?: string;
    actor?: { agencyId?: string; userId?: string };
    [key: string]: unknown;
  };
}

type Verdict = { ok: true; entries: number } | { ok: false; firstBrokenAt: string };

function Verification() {
  const capabilities = useCapabilities();
  const available = offers(capabilities.data, ["GET /api/v1/audit/verify"]);
  const verdict = useQuery({
    queryKey: ["audit-verify"],
    queryFn: () => api<Verdict>("/api/v1/audit/verify"),
    enabled: available,
    refetchInterval: 15_000,
  });
  if (!available) return null;
  if (verdict.error) return <ErrorNotice error={verdict.error} />;
  if (!verdict.data) return <p aria-busy="true">Verifying the hash chain…</p>;
  return verdict.data.ok ? (
    <Notice kind="info" title="Hash chain verified">
      All {verdict.data.entries} entries chain correctly (checked live, every 15 seconds).
    </Notice>
  ) : (
    <Notice kind="error" title="Hash chain broken">
      The chain breaks at entry {verdict.data.firstBrokenAt}: the log was altered outside ftfx.
    </Notice>
  );
}

function details(body: AuditEntry["body"]): string {
  const { at: _at, action: _action, actor: _actor, ...rest } = body;
  return JSON.stringify(rest);
}

/** The audit log, newest last, with the live result of verifying its hash chain. */
export function AuditPage() {
  const agencyName = useAgencyName();
  const [filter, setFilter] = useState("");
  const log = useQuery({
    queryKey: ["audit"],
    queryFn: () => api<AuditEntry[]>(`/api/v1/audit${query({ limit: 500 })}`),
    refetchInterval: 15_000,
  });
  const needle = filter.trim().toLowerCase();
  const rows = (log.data ?? []).filter(
    (e) => !needle || JSON.stringify(e.body).toLowerCase().includes(needle),
  );
  return (
    <section aria-labelledby="audit-title">
      <h1 id="audit-title">Audit log</h1>
      <Verification />
      <form className="filters" onSubmit={(event) => event.preventDefault()}>
        <label>
          Filter
          <input
            value={filter}
            onChange={(event) => setFilter(event.target.value)}
            placeholder="action, actor, id…"
          />
        </label>
      </form>
      {log.error && <ErrorNotice error={log.error} />}
      <table className="audit">
        <thead>
          <tr>
            <th scope="col">#</th>
            <th scope="col">When</th>
            <th scope="col">Who</th>
            <th scope="col">Action</th>
            <th scope="col">Details</th>
          </tr>
        </thead>
        <tbody>
          {[...rows].reverse().map((e) => (
            <tr key={e.id}>
              <td className="num">{e.seq}</td>
              <td>{e.body.at?.slice(0, 19).replace("T", " ")}</td>
              <td>
                {agencyName(e.body.actor?.agencyId ?? "")} · {e.body.actor?.userId}
              </td>
              <td>{e.body.action}</td>
              <td className="details">{details(e.body)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
