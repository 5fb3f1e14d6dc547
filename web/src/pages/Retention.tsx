import { useQuery } from "@tanstack/react-query";
import { Link } from "react-router";
import { api } from "../api.ts";
import { ErrorNotice } from "../components/Notice.tsx";

interface ReviewItem {
  id: string;
  schema: string;
  caption: string;
  status: string;
  reviewBy: string;
}

/** My agency's records past their review date: keep (set a new date), narrow or withdraw them. */
export function RetentionPage() {
  const queue = useQuery({
    queryKey: ["review"],
    queryFn: () => api<ReviewItem[]>("/api/v1/retention/review"),
  });
  return (
    <section aria-labelledby="review-title">
      <h1 id="review-title">Review queue</h1>
      <p>Records of my agency whose review date has passed, oldest first.</p>
      {queue.error && <ErrorNotice error={queue.error} />}
      {queue.data && queue.data.length === 0 && <p>Nothing is due for review.</p>}
      {queue.data && queue.data.length > 0 && (
        <table>
          <thead>
            <tr>
              <th scope="col">Record</th>
              <th scope="col">Schema</th>
              <th scope="col">Status</th>
              <th scope="col">Review was due</th>
            </tr>
          </thead>
          <tbody>
            {queue.data.map((item) => (
              <tr key={item.id}>
                <td dir="auto">
                  <Link to={`/entities/${encodeURIComponent(item.id)}`}>{item.caption}</Link>
                </td>
                <td>{item.schema}</td>
                <td>{item.status}</td>
                <td>{item.reviewBy.slice(0, 10)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
