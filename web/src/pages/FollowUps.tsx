import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { useAgencyName } from "../agencies.ts";
import { api } from "../api.ts";
import { ErrorNotice } from "../components/Notice.tsx";
import { useSession } from "../session.tsx";

const PURPOSES = ["border-screening", "investigation", "prosecution", "financial-intelligence", "analysis"];

export interface FollowUp {
  id: string;
  reference: string;
  originator: string;
  requester: string;
  purpose: string;
  level: string;
  reason: string;
  status: "pending" | "approved" | "denied";
  createdAt: string;
  expires?: string;
  entityId?: string;
}

export function useFollowUps() {
  return useQuery({ queryKey: ["follow-ups"], queryFn: () => api<FollowUp[]>("/api/v1/follow-ups") });
}

function RequestForm() {
  const client = useQueryClient();
  const [form, setForm] = useState({
    reference: "",
    purpose: "border-screening",
    level: "summary",
    reason: "",
  });
  const send = useMutation({
    mutationFn: () => api("/api/v1/follow-ups", { json: form }),
    onSuccess: () => void client.invalidateQueries({ queryKey: ["follow-ups"] }),
  });
  function submit(event: FormEvent) {
    event.preventDefault();
    send.mutate();
  }
  return (
    <form className="stacked" onSubmit={submit} aria-labelledby="ask-title">
      <h2 id="ask-title">Ask an originator for more about a hit</h2>
      <div>
        <label htmlFor="fu-reference">Reference shown with the hit</label>
        <input
          id="fu-reference"
          required
          value={form.reference}
          onChange={(event) => setForm({ ...form, reference: event.target.value })}
        />
      </div>
      <div>
        <label htmlFor="fu-purpose">Purpose</label>
        <select
          id="fu-purpose"
          value={form.purpose}
          onChange={(event) => setForm({ ...form, purpose: event.target.value })}
        >
          {PURPOSES.map((p) => (
            <option key={p}>{p}</option>
          ))}
        </select>
      </div>
      <div>
        <label htmlFor="fu-level">Level asked for</label>
        <select
          id="fu-level"
          value={form.level}
          onChange={(event) => setForm({ ...form, level: event.target.value })}
        >
          <option>summary</option>
          <option>full</option>
        </select>
      </div>
      <div>
        <label htmlFor="fu-reason">Reason</label>
        <textarea
          id="fu-reason"
          required
          value={form.reason}
          onChange={(event) => setForm({ ...form, reason: event.target.value })}
        />
      </div>
      <button type="submit" disabled={send.isPending}>
        Send request
      </button>
      {send.error && <ErrorNotice error={send.error} />}
      {send.isSuccess && <p role="status">Request sent.</p>}
    </form>
  );
}

/** Follow-up requests: those waiting for my agency's answer, and those we made. */
export function FollowUpsPage() {
  const { me, can } = useSession();
  const agencyName = useAgencyName();
  const client = useQueryClient();
  const list = useFollowUps();
  const decide = useMutation({
    mutationFn: ({ id, decision }: { id: string; decision: "approve" | "deny" }) =>
      api(`/api/v1/follow-ups/${encodeURIComponent(id)}/${decision}`, { json: {} }),
    onSuccess: () => void client.invalidateQueries({ queryKey: ["follow-ups"] }),
  });
  const mayDecide = can(["contributor", "admin"]);
  return (
    <section aria-labelledby="follow-ups-title">
      <h1 id="follow-ups-title">Follow-up requests</h1>
      {list.error && <ErrorNotice error={list.error} />}
      <table>
        <thead>
          <tr>
            <th scope="col">Reference</th>
            <th scope="col">From → to</th>
            <th scope="col">Purpose / level</th>
            <th scope="col">Reason</th>
            <th scope="col">Status</th>
            <th scope="col">
              <span className="visually-hidden">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {(list.data ?? []).map((f) => (
            <tr key={f.id}>
              <td>
                <code>{f.reference}</code>
              </td>
              <td>
                {agencyName(f.requester)} → {agencyName(f.originator)}
              </td>
              <td>
                {f.purpose} / {f.level}
              </td>
              <td>{f.reason}</td>
              <td>
                {f.status}
                {f.expires && ` until ${f.expires.slice(0, 10)}`}
              </td>
              <td>
                {mayDecide && f.status === "pending" && f.originator === me?.agencyId && (
                  <>
                    <button type="button" onClick={() => decide.mutate({ id: f.id, decision: "approve" })}>
                      Approve
                    </button>{" "}
                    <button type="button" onClick={() => decide.mutate({ id: f.id, decision: "deny" })}>
                      Deny
                    </button>
                  </>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {decide.error && <ErrorNotice error={decide.error} />}
      {can(["screener", "analyst"]) && <RequestForm />}
    </section>
  );
}
