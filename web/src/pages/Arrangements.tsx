import { useMutation, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { partyText, useAgencyName, useArrangements } from "../agencies.ts";
import { api } from "../api.ts";
import { ErrorNotice } from "../components/Notice.tsx";
import { useSession } from "../session.tsx";

const PURPOSES = ["border-screening", "investigation", "prosecution", "financial-intelligence", "analysis"];
const DISCLOSURES = ["hit-no-hit", "summary", "full"];

function NewArrangement() {
  const client = useQueryClient();
  const [to, setTo] = useState("");
  const [disclosure, setDisclosure] = useState("hit-no-hit");
  const [purposes, setPurposes] = useState<string[]>(["border-screening"]);
  const [until, setUntil] = useState("");
  const add = useMutation({
    mutationFn: () =>
      api<{ id: string }>("/api/v1/arrangements", {
        json: { to: to.trim(), disclosure, purposes, ...(until ? { until } : {}) },
      }),
    onSuccess: () => {
      setTo("");
      void client.invalidateQueries({ queryKey: ["arrangements"] });
    },
  });
  function submit(event: FormEvent) {
    event.preventDefault();
    add.mutate();
  }
  return (
    <form className="stacked" onSubmit={submit} aria-labelledby="new-arrangement">
      <h2 id="new-arrangement">Share my agency's records</h2>
      <div>
        <label htmlFor="arr-to">Recipient: agency id, country:XX or group:ID</label>
        <input id="arr-to" required value={to} onChange={(event) => setTo(event.target.value)} />
      </div>
      <div>
        <label htmlFor="arr-disclosure">Disclosure on a hit</label>
        <select
          id="arr-disclosure"
          value={disclosure}
          onChange={(event) => setDisclosure(event.target.value)}
        >
          {DISCLOSURES.map((d) => (
            <option key={d}>{d}</option>
          ))}
        </select>
      </div>
      <fieldset>
        <legend>Permitted purposes</legend>
        {PURPOSES.map((p) => (
          <label key={p} className="inline">
            <input
              type="checkbox"
              checked={purposes.includes(p)}
              onChange={(event) =>
                setPurposes(event.target.checked ? [...purposes, p] : purposes.filter((x) => x !== p))
              }
            />
            {p}
          </label>
        ))}
      </fieldset>
      <div>
        <label htmlFor="arr-until">Valid until (optional)</label>
        <input id="arr-until" type="date" value={until} onChange={(event) => setUntil(event.target.value)} />
      </div>
      <button type="submit" disabled={add.isPending || purposes.length === 0}>
        Add arrangement
      </button>
      {add.error && <ErrorNotice error={add.error} />}
      {add.data && <p role="status">Arrangement {add.data.id} added.</p>}
    </form>
  );
}

/** Arrangements my agency shares under or receives from; admins add and end their own. */
export function ArrangementsPage() {
  const { me } = useSession();
  const agencyName = useAgencyName();
  const client = useQueryClient();
  const list = useArrangements();
  const end = useMutation({
    mutationFn: (id: string) => api(`/api/v1/arrangements/${encodeURIComponent(id)}/end`, { method: "POST" }),
    onSuccess: () => void client.invalidateQueries({ queryKey: ["arrangements"] }),
  });
  return (
    <section aria-labelledby="arrangements-title">
      <h1 id="arrangements-title">Arrangements</h1>
      {list.error && <ErrorNotice error={list.error} />}
      <table>
        <thead>
          <tr>
            <th scope="col">From</th>
            <th scope="col">To</th>
            <th scope="col">Disclosure</th>
            <th scope="col">Purposes</th>
            <th scope="col">Valid</th>
            <th scope="col">
              <span className="visually-hidden">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {(list.data ?? []).map((a) => (
            <tr key={a.id}>
              <td>{partyText(a.originator, agencyName)}</td>
              <td>{partyText(a.recipient, agencyName)}</td>
              <td>{a.disclosure}</td>
              <td>{a.purposes.join(", ")}</td>
              <td>
                {a.validFrom.slice(0, 10)} – {a.validUntil?.slice(0, 10) ?? "open"}
              </td>
              <td>
                {a.originator.agency === me?.agencyId && !a.validUntil && (
                  <button
                    type="button"
                    onClick={() => end.mutate(a.id)}
                    aria-label={`End arrangement ${a.id}`}
                  >
                    End
                  </button>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {end.error && <ErrorNotice error={end.error} />}
      <NewArrangement />
    </section>
  );
}
