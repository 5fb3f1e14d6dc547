import { useSummary } from "../summary.ts";
import { DEMO_DATASET } from "../types.ts";

/** Shown on every page while the registry holds the synthetic demo dataset, so no one mistakes it for real. */
export function DemoBanner() {
  const summary = useSummary();
  const demo = summary.data?.demoEntities ?? 0;
  if (demo === 0) return null;
  return (
    <div className="demo-banner" role="note">
      Synthetic demo data loaded: {demo.toLocaleString()} invented records (dataset {DEMO_DATASET}). These are
      not real persons.
    </div>
  );
}
