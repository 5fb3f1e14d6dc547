import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Link } from "react-router";
import { useAgencyName } from "../agencies.ts";
import { api } from "../api.ts";
import { ErrorNotice } from "../components/Notice.tsx";

export interface Notification {
  id: string;
  kind: string;
  body: Record<string, unknown>;
  createdAt: string;
  readAt?: string;
}

export function useNotifications() {
  return useQuery({
    queryKey: ["notifications"],
    queryFn: () => api<Notification[]>("/api/v1/notifications"),
  });
}

const AGENCY_FIELDS = new Set(["requester", "originator", "agencyId", "agency"]);

/** A notification body in words: agencies by name, the record as a link, the rest as `key: value`. */
function Body({ body }: { body: Record<string, unknown> }) {
  const agencyName = useAgencyName();
  const by = body.by as { agencyId?: string; userId?: string } | undefined;
  const context = body.context as { traveller?: { name?: string; birthDate?: string } } | undefined;
  const rest = Object.entries(body).filter(
    ([key, value]) => value !== null && typeof value !== "object" && key !== "entityId" && key !== "at",
  );
  return (
    <div>
      {by?.agencyId && <>by {agencyName(by.agencyId)} · </>}
      {rest.map(([key, value]) => (
        <span key={key}>
          {key}: {AGENCY_FIELDS.has(key) ? agencyName(String(value)) : String(value)} ·{" "}
        </span>
      ))}
      {context?.traveller?.name && (
        <span dir="auto">
          traveller: {context.traveller.name} {context.traveller.birthDate} ·{" "}
        </span>
      )}
      {typeof body.entityId === "string" && (
        <Link to={`/entities/${encodeURIComponent(body.entityId)}`}>record {body.entityId}</Link>
      )}
    </div>
  );
}

/** My agency's inbox: hits on our records, withdrawals, follow-up requests and decisions. */
export function NotificationsPage() {
  const client = useQueryClient();
  const inbox = useNotifications();
  const markRead = useMutation({
    mutationFn: (ids: string[]) => api("/api/v1/notifications/read", { json: { ids } }),
    onSuccess: () => void client.invalidateQueries({ queryKey: ["notifications"] }),
  });
  const unread = (inbox.data ?? []).filter((n) => !n.readAt).map((n) => n.id);
  return (
    <section aria-labelledby="inbox-title">
      <h1 id="inbox-title">Notifications</h1>
      {inbox.error && <ErrorNotice error={inbox.error} />}
      <p>
        {unread.length} unread.{" "}
        <button type="button" disabled={unread.length === 0} onClick={() => markRead.mutate(unread)}>
          Mark all read
        </button>
      </p>
      <ul className="inbox">
        {(inbox.data ?? []).map((n) => (
          <li key={n.id} className={n.readAt ? "read" : "unread"}>
            <strong>{n.kind}</strong>{" "}
            <span className="muted">{n.createdAt.slice(0, 16).replace("T", " ")}</span>
            {!n.readAt && <span className="badge">new</span>}
            <Body body={n.body} />
          </li>
        ))}
      </ul>
    </section>
  );
}
