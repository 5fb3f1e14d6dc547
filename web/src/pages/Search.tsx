import { useMutation } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { api } from "../api.ts";
import { MatchCard } from "../components/MatchCard.tsx";
import { ErrorNotice } from "../components/Notice.tsx";
import type { MatchView } from "../types.ts";

const PURPOSES = ["border-screening", "investigation", "prosecution", "financial-intelligence", "analysis"];

interface MatchAnswer {
  id?: string;
  matches: MatchView[];
}

const FIELDS = [
  { name: "name", label: "Name", required: true, placeholder: "e.g. Mohammed Ali or محمد علي" },
  { name: "birthDate", label: "Birth date", placeholder: "YYYY-MM-DD, YYYY-MM or YYYY" },
  { name: "nationality", label: "Nationality", placeholder: "SY, SYR or Syria" },
  { name: "documentNumber", label: "Document number" },
] as const;

/** Search and screen one person against the registry; each match is explained as far as policy allows. */
export function SearchPage() {
  const [values, setValues] = useState<Record<string, string>>({ purpose: "border-screening" });
  const search = useMutation({
    mutationFn: (body: Record<string, string>) => api<MatchAnswer>("/api/v1/match", { json: body }),
  });

  function submit(event: FormEvent) {
    event.preventDefault();
    const body = Object.fromEntries(Object.entries(values).filter(([, v]) => v.trim() !== ""));
    search.mutate(body);
  }

  return (
    <section aria-labelledby="search-title">
      <h1 id="search-title">Search and screen a person</h1>
      <form className="stacked" onSubmit={submit}>
        {FIELDS.map((field) => (
          <div key={field.name}>
            <label htmlFor={`q-${field.name}`}>{field.label}</label>
            <input
              id={`q-${field.name}`}
              dir="auto"
              required={"required" in field && field.required}
              placeholder={"placeholder" in field ? field.placeholder : undefined}
              value={values[field.name] ?? ""}
              onChange={(event) => setValues({ ...values, [field.name]: event.target.value })}
            />
          </div>
        ))}
        <div>
          <label htmlFor="q-purpose">Purpose (recorded in the audit log)</label>
          <select
            id="q-purpose"
            value={values.purpose}
            onChange={(event) => setValues({ ...values, purpose: event.target.value })}
          >
            {PURPOSES.map((p) => (
              <option key={p}>{p}</option>
            ))}
          </select>
        </div>
        <button type="submit" disabled={search.isPending}>
          {search.isPending ? "Searching…" : "Search"}
        </button>
      </form>
      {search.error && <ErrorNotice error={search.error} />}
      {search.data && (
        <section aria-labelledby="results-title" aria-live="polite">
          <h2 id="results-title">
            {search.data.matches.length === 0
              ? "No match"
              : `${search.data.matches.length} match${search.data.matches.length === 1 ? "" : "es"}`}
          </h2>
          {search.data.matches.map((match, index) => (
            <MatchCard
              key={String(match.entityId ?? match.reference ?? index)}
              match={match}
              purpose={values.purpose}
            />
          ))}
        </section>
      )}
    </section>
  );
}
