import { useMutation, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { api } from "../api.ts";
import { offers, useCapabilities } from "../capabilities.ts";
import { useSession } from "../session.tsx";
import type { RegistryEntity } from "../types.ts";
import { ErrorNotice } from "./Notice.tsx";

const HANDLING = ["CLEAR", "GREEN", "AMBER", "AMBER+STRICT", "RED"];

/** What only the originator may do to its record: change handling, set the review date, withdraw it. */
export function OwnerActions({ entity }: { entity: RegistryEntity }) {
  const { can } = useSession();
  const capabilities = useCapabilities();
  const client = useQueryClient();
  const [handling, setHandling] = useState(entity.handling);
  const [reviewBy, setReviewBy] = useState(entity.reviewBy?.slice(0, 10) ?? "");
  const refresh = () => {
    void client.invalidateQueries({ queryKey: ["entity", entity.id] });
    void client.invalidateQueries({ queryKey: ["review"] });
  };
  const path = `/api/v1/entities/${encodeURIComponent(entity.id)}`;
  const edit = useMutation({
    mutationFn: () =>
      api(path, { method: "PATCH", json: { handling, reviewBy: reviewBy ? `${reviewBy}T00:00:00Z` : null } }),
    onSuccess: refresh,
  });
  const withdraw = useMutation({
    mutationFn: () => api(`${path}/withdraw`, { method: "POST" }),
    onSuccess: refresh,
  });
  // The same roles as the routes: editing is the contributor's, withdrawing also an admin's.
  const mayEdit = can(["contributor"]) && offers(capabilities.data, ["PATCH /api/v1/entities/{id}"]);
  const mayWithdraw =
    can(["contributor", "admin"]) && offers(capabilities.data, ["POST /api/v1/entities/{id}/withdraw"]);
  if (!mayEdit && !mayWithdraw) return null;

  function save(event: FormEvent) {
    event.preventDefault();
    edit.mutate();
  }

  return (
    <section aria-labelledby="owner-title">
      <h2 id="owner-title">Originator controls</h2>
      {mayEdit && (
        <form className="filters" onSubmit={save}>
          <label>
            Handling
            <select value={handling} onChange={(event) => setHandling(event.target.value)}>
              {HANDLING.map((h) => (
                <option key={h}>{h}</option>
              ))}
            </select>
          </label>
          <label>
            Review by
            <input type="date" value={reviewBy} onChange={(event) => setReviewBy(event.target.value)} />
          </label>
          <button type="submit" disabled={edit.isPending}>
            Save
          </button>
        </form>
      )}
      {edit.error && <ErrorNotice error={edit.error} />}
      {edit.isSuccess && <p role="status">Saved as a new version.</p>}
      {mayWithdraw && entity.status !== "withdrawn" && (
        <p>
          <button
            type="button"
            disabled={withdraw.isPending}
            onClick={() => {
              if (
                window.confirm(
                  "Withdraw this record? No other agency will see or hit it, and earlier recipients are told.",
                )
              ) {
                withdraw.mutate();
              }
            }}
          >
            Withdraw record
          </button>
        </p>
      )}
      {withdraw.error && <ErrorNotice error={withdraw.error} />}
    </section>
  );
}
