import { useQueryClient } from "@tanstack/react-query";
import { type DragEvent, useState } from "react";
import { Link } from "react-router";
import { query, upload } from "../api.ts";
import { MatchCard } from "../components/MatchCard.tsx";
import { ErrorNotice } from "../components/Notice.tsx";
import type { AlertSubject, MatchView, RuleHit } from "../types.ts";

interface ManifestAlert {
  /** The queued alert. */
  alertId?: string;
  traveller: AlertSubject;
  score: number;
  matches: MatchView[];
  ruleHits: RuleHit[];
}

interface Leg {
  departure: string;
  arrival: string;
  departureTime?: string;
}

interface ManifestResult {
  flight: { carrier: string; number: string; legs: Leg[] };
  travellers: number;
  alerts: ManifestAlert[];
  clearedBefore?: { traveller: AlertSubject }[];
}

/** "LA 0532 SCL → JFK (2020-01-19 23:00)". */
function flightText(flight: ManifestResult["flight"]): string {
  const route = flight.legs.map((leg) => leg.departure).concat(flight.legs.at(-1)?.arrival ?? []);
  const departs = flight.legs[0]?.departureTime?.slice(0, 16).replace("T", " ");
  return `${flight.carrier} ${flight.number} ${route.join(" → ")}${departs ? ` (${departs})` : ""}`;
}

/** Drag and drop (or choose) a PAXLST or PNRGOV file; it is screened whole, then the flight's alerts show. */
export function ManifestPage() {
  const client = useQueryClient();
  const [progress, setProgress] = useState<number | null>(null);
  const [result, setResult] = useState<ManifestResult | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [over, setOver] = useState(false);
  const [fileName, setFileName] = useState("");

  async function send(file: File) {
    setFileName(file.name);
    setError(null);
    setResult(null);
    setProgress(0);
    try {
      const answer = await upload<ManifestResult>(
        `/api/v1/manifests${query({ file: file.name })}`,
        file,
        "text/plain",
        setProgress,
      );
      setResult(answer);
      void client.invalidateQueries({ queryKey: ["alerts"] });
      void client.invalidateQueries({ queryKey: ["console-summary"] });
    } catch (failure) {
      setError(failure);
    } finally {
      setProgress(null);
    }
  }

  function drop(event: DragEvent) {
    event.preventDefault();
    setOver(false);
    const file = event.dataTransfer.files[0];
    if (file) void send(file);
  }

  return (
    <section aria-labelledby="manifest-title">
      <h1 id="manifest-title">Upload a manifest</h1>
      <label
        className={`dropzone${over ? " over" : ""}`}
        htmlFor="manifest-file"
        onDragOver={(event) => {
          event.preventDefault();
          setOver(true);
        }}
        onDragLeave={() => setOver(false)}
        onDrop={drop}
      >
        <span className="drop-text">Drop a PAXLST or PNRGOV file here, or choose one</span>
        <input
          id="manifest-file"
          className="visually-hidden"
          type="file"
          accept=".edi,.txt,text/plain"
          onChange={(event) => {
            const file = event.target.files?.[0];
            if (file) void send(file);
            event.target.value = "";
          }}
        />
      </label>
      {progress !== null && (
        <p>
          <label htmlFor="upload-progress">Uploading and screening {fileName}</label>{" "}
          <progress id="upload-progress" max={1} value={progress < 1 ? progress : undefined} />
        </p>
      )}
      {error !== null && <ErrorNotice error={error} />}
      {result && (
        <section aria-labelledby="flight-title">
          <h2 id="flight-title">
            Flight {flightText(result.flight)}: {result.travellers} travellers screened,{" "}
            {result.alerts.length} alert
            {result.alerts.length === 1 ? "" : "s"}
          </h2>
          <p>
            <Link to="/alerts">Open the alert queue</Link>
          </p>
          {result.clearedBefore && result.clearedBefore.length > 0 && (
            <p>
              Not alerted, cleared before by an officer:{" "}
              {result.clearedBefore.map((c) => c.traveller.name).join("; ")}
            </p>
          )}
          {result.alerts.map((alert, index) => {
            const id = alert.alertId;
            return (
              <article key={id ?? index} className="manifest-alert">
                <h3 dir="auto">
                  {id ? (
                    <Link to={`/alerts/${encodeURIComponent(id)}`}>{alert.traveller.name}</Link>
                  ) : (
                    alert.traveller.name
                  )}{" "}
                  <span className="muted">
                    {alert.traveller.birthDate} · score {alert.score.toFixed(3)}
                  </span>
                </h3>
                {alert.ruleHits.map((hit) => (
                  <p key={hit.ruleId}>
                    Rule {hit.ruleId} ({hit.severity}): {hit.detail}
                  </p>
                ))}
                {alert.matches.map((match, i) => (
                  <MatchCard key={String(match.entityId ?? match.reference ?? i)} match={match} />
                ))}
              </article>
            );
          })}
        </section>
      )}
    </section>
  );
}
