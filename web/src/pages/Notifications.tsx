import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
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

function describe(body: Record<string, unknown>): string {
  return Object.entries(body)
    .filter(([, value]) => value !== null && typeof value !== "object")
    .map(([key, value]) => `${key}: ${String(value)}`)
    .join(" · ");
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
            <div>{describe(n.body)}</div>
          </li>
        ))}
      </ul>
    </section>
  );
}
