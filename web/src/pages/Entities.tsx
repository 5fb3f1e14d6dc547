import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { Link } from "react-router";
import { api, query } from "../api.ts";
import { HandlingBadge, StatusBadge } from "../components/Handling.tsx";
import { ErrorNotice } from "../components/Notice.tsx";
import type { Page, RegistryEntity } from "../types.ts";

const PAGE_SIZE = 25;

/** My agency's records in the registry, paged and filtered. */
export function EntitiesPage() {
  const [schema, setSchema] = useState("");
  const [status, setStatus] = useState("");
  const [offset, setOffset] = useState(0);
  const list = useQuery({
    queryKey: ["entities", schema, status, offset],
    queryFn: () =>
      api<Page<RegistryEntity>>(
        `/api/v1/entities${query({ schema, status: status || undefined, limit: PAGE_SIZE, offset })}`,
      ),
  });
  return (
    <section aria-labelledby="entities-title">
      <h1 id="entities-title">Registry: my agency's records</h1>
      <form className="filters" onSubmit={(event) => event.preventDefault()}>
        <label>
          Schema
          <select
            value={schema}
            onChange={(event) => {
              setSchema(event.target.value);
              setOffset(0);
            }}
          >
            <option value="">any</option>
            {["Person", "Organization", "Passport", "Identification", "Sanction", "Family", "Associate"].map(
              (s) => (
                <option key={s}>{s}</option>
              ),
            )}
          </select>
        </label>
        <label>
          Status
          <select
            value={status}
            onChange={(event) => {
              setStatus(event.target.value);
              setOffset(0);
            }}
          >
            <option value="">any</option>
            <option>active</option>
            <option>delisted</option>
            <option>withdrawn</option>
          </select>
        </label>
      </form>
      {list.error && <ErrorNotice error={list.error} />}
      {list.data && (
        <>
          <p>
            {list.data.total.toLocaleString()} records; showing {list.data.total === 0 ? 0 : offset + 1}–
            {Math.min(offset + PAGE_SIZE, list.data.total)}.
          </p>
          <table>
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Schema</th>
                <th scope="col">Datasets</th>
                <th scope="col">Handling</th>
                <th scope="col">Status</th>
              </tr>
            </thead>
            <tbody>
              {list.data.items.map((entity) => (
                <tr key={entity.id}>
                  <td dir="auto">
                    <Link to={`/entities/${encodeURIComponent(entity.id)}`}>{entity.caption}</Link>
                  </td>
                  <td>{entity.schema}</td>
                  <td>{entity.datasets.join(", ")}</td>
                  <td>
                    <HandlingBadge handling={entity.handling} />
                  </td>
                  <td>
                    <StatusBadge status={entity.status} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <div className="pager">
            <button
              type="button"
              disabled={offset === 0}
              onClick={() => setOffset(Math.max(0, offset - PAGE_SIZE))}
            >
              Previous
            </button>
            <button
              type="button"
              disabled={offset + PAGE_SIZE >= list.data.total}
              onClick={() => setOffset(offset + PAGE_SIZE)}
            >
              Next
            </button>
          </div>
        </>
      )}
    </section>
  );
}
