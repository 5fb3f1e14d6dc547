import { useMutation, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { api } from "../api.ts";
import { ErrorNotice } from "./Notice.tsx";

const DECISIONS = [
  { value: "confirm", label: "Confirm" },
  { value: "dismiss", label: "Dismiss" },
  { value: "escalate", label: "Escalate" },
] as const;

/** An officer's decision on an alert; ftfx only recommends, so every decision states its reason. */
export function DecisionForm({ alertId }: { alertId: string }) {
  const client = useQueryClient();
  const [reason, setReason] = useState("");
  const [missing, setMissing] = useState(false);
  const decide = useMutation({
    mutationFn: (decision: string) =>
      api(`/api/v1/alerts/${encodeURIComponent(alertId)}/decision`, {
        json: { decision, reason: reason.trim() },
      }),
    onSuccess: () => {
      setReason("");
      void client.invalidateQueries({ queryKey: ["alert", alertId] });
      void client.invalidateQueries({ queryKey: ["alerts"] });
    },
  });

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const submitter = (event.nativeEvent as SubmitEvent).submitter as HTMLButtonElement | null;
    if (!reason.trim()) {
      setMissing(true);
      return;
    }
    setMissing(false);
    if (submitter?.value) decide.mutate(submitter.value);
  }

  return (
    <form className="decision" onSubmit={submit} aria-labelledby="decision-title" noValidate>
      <h2 id="decision-title">Decision</h2>
      <label htmlFor="decision-reason">Reason (required, recorded in the audit log)</label>
      <textarea
        id="decision-reason"
        rows={3}
        value={reason}
        required
        aria-invalid={missing}
        aria-describedby={missing ? "reason-missing" : undefined}
        onChange={(event) => setReason(event.target.value)}
      />
      {missing && (
        <p id="reason-missing" className="field-error" role="alert">
          Give a reason before deciding.
        </p>
      )}
      <div className="buttons">
        {DECISIONS.map((d) => (
          <button key={d.value} type="submit" name="decision" value={d.value} disabled={decide.isPending}>
            {d.label}
          </button>
        ))}
      </div>
      {decide.error && <ErrorNotice error={decide.error} />}
      {decide.isSuccess && <p role="status">Decision recorded.</p>}
    </form>
  );
}
