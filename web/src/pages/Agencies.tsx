import { useMutation, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { useAgencies } from "../agencies.ts";
import { api } from "../api.ts";
import { ErrorNotice } from "../components/Notice.tsx";

const TYPES = ["police", "border", "financial-intelligence", "intelligence", "prosecution", "secretariat"];

function NewAgency() {
  const client = useQueryClient();
  const [form, setForm] = useState({ country: "", name: "", type: "police", contact: "" });
  const add = useMutation({
    mutationFn: () =>
      api<{ id: string }>("/api/v1/agencies", {
        json: { ...form, country: form.country.toUpperCase(), contact: form.contact || undefined },
      }),
    onSuccess: () => void client.invalidateQueries({ queryKey: ["agencies"] }),
  });
  function submit(event: FormEvent) {
    event.preventDefault();
    add.mutate();
  }
  return (
    <form className="stacked" onSubmit={submit} aria-labelledby="new-agency">
      <h2 id="new-agency">Add a partner agency (secretariat admins)</h2>
      <div>
        <label htmlFor="agency-country">Country (ISO alpha-2)</label>
        <input
          id="agency-country"
          required
          maxLength={2}
          value={form.country}
          onChange={(event) => setForm({ ...form, country: event.target.value })}
        />
      </div>
      <div>
        <label htmlFor="agency-name">Name</label>
        <input
          id="agency-name"
          required
          value={form.name}
          onChange={(event) => setForm({ ...form, name: event.target.value })}
        />
      </div>
      <div>
        <label htmlFor="agency-type">Type</label>
        <select
          id="agency-type"
          value={form.type}
          onChange={(event) => setForm({ ...form, type: event.target.value })}
        >
          {TYPES.map((t) => (
            <option key={t}>{t}</option>
          ))}
        </select>
      </div>
      <div>
        <label htmlFor="agency-contact">Contact desk</label>
        <input
          id="agency-contact"
          value={form.contact}
          onChange={(event) => setForm({ ...form, contact: event.target.value })}
        />
      </div>
      <button type="submit" disabled={add.isPending}>
        Add agency
      </button>
      {add.error && <ErrorNotice error={add.error} />}
      {add.data && <p role="status">Agency {add.data.id} added.</p>}
    </form>
  );
}

export function AgenciesPage() {
  const list = useAgencies();
  return (
    <section aria-labelledby="agencies-title">
      <h1 id="agencies-title">Partner agencies</h1>
      {list.error && <ErrorNotice error={list.error} />}
      <table>
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col">Id</th>
            <th scope="col">Country</th>
            <th scope="col">Type</th>
            <th scope="col">Coalition member</th>
            <th scope="col">Contact</th>
          </tr>
        </thead>
        <tbody>
          {(list.data ?? []).map((a) => (
            <tr key={a.id}>
              <td>{a.name}</td>
              <td>
                <code>{a.id}</code>
              </td>
              <td>{a.country}</td>
              <td>{a.type}</td>
              <td>{a.member ? "yes" : "no"}</td>
              <td>{a.contact}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <NewAgency />
    </section>
  );
}
