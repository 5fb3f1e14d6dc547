import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { describe, it } from "node:test";
import { MatchIndex } from "../../src/matching/index.ts";
import { profileFromEntities } from "../../src/matching/profile.ts";
import { tableLocator } from "../../src/screening/airports.ts";
import { memoryDocumentLookup } from "../../src/screening/documents.ts";
import { linkTravellers } from "../../src/screening/link.ts";
import { manifestReport } from "../../src/screening/report.ts";
import { DEFAULT_RULES } from "../../src/screening/rules.ts";
import { type Screener, screenTravellers } from "../../src/screening/screen.ts";
import { dataPath } from "../support/data.ts";
import { WCO_FILES, wcoFlight, wcoGroundTruth, wcoWatchlist } from "./wco.ts";

const nadCount = (file: string) => (readFileSync(dataPath(file), "utf8").match(/NAD\+FL\+/g) ?? []).length;

function watchlistScreener(): Screener {
  const entities = wcoWatchlist();
  return {
    index: new MatchIndex(profileFromEntities(entities)),
    documents: memoryDocumentLookup(entities),
    rules: DEFAULT_RULES,
    airports: tableLocator({}),
  };
}

describe("WCO flights against the ground-truth watchlist", () => {
  const flights = [wcoFlight(1), wcoFlight(2), wcoFlight(3)];

  it("alerts REUBEN THEBAULT (1945-01-13) against RUBEN THEBAULT (1945-01-11) and nobody else", async () => {
    const screener = watchlistScreener();
    const alerted = [];
    let travellers = 0;
    for (const flight of flights) {
      const results = await screenTravellers(flight.travellers, screener, flight);
      travellers += results.length;
      alerted.push(...results.filter((r) => r.alert));
    }
    const truth = wcoGroundTruth();
    assert.equal(truth.expected_watchlist_hits.length, 1);
    // The files' passenger segments, counted independently of the parser.
    assert.equal(
      travellers,
      WCO_FILES.map(nadCount).reduce((a, b) => a + b, 0),
    );
    // The ground truth counts people: the hit and "all other 26", the clusters' repeats counted once.
    const repeats = truth.expected_same_person_clusters.reduce((n, c) => n + c.length - 1, 0);
    assert.equal(travellers - repeats, 27);
    assert.equal(alerted.length, 1);
    const [hit] = alerted;
    assert.equal(hit?.subject.name, "REUBEN THEBAULT");
    assert.equal(hit?.subject.birthDate, "1945-01-13");
    assert.equal(hit?.matches[0]?.caption, "RUBEN THEBAULT");
    assert.ok(hit?.matches[0]?.explanation.some((e) => e.detail.includes("1945")));
    // The companion on the same PNR gets the (medium, non-alerting) co-traveller rule, nothing more.
    const flight2 = await screenTravellers(flights[1]?.travellers ?? [], screener, flights[1]);
    const companions = flight2.filter((r) => r.ruleHits.some((h) => h.ruleId === "co-traveller-of-subject"));
    assert.ok(companions.length > 0);
    for (const c of companions) {
      assert.equal(c.alert, false);
      assert.equal(c.itinerary.pnrRef, hit?.itinerary.pnrRef);
      assert.match(c.ruleHits[0]?.detail ?? "", /REUBEN THEBAULT/);
    }
  });

  it("reports the alert in the fixed --json shape", async () => {
    const flight = flights[1];
    assert.ok(flight);
    const report = manifestReport(
      flight.flight,
      await screenTravellers(flight.travellers, watchlistScreener(), flight),
    );
    assert.deepEqual(Object.keys(report).sort(), ["alerts", "flight", "travellers"]);
    assert.equal(report.travellers, flight.travellers.length);
    const [alert] = report.alerts;
    assert.deepEqual(Object.keys(alert ?? {}).sort(), ["matches", "ruleHits", "score", "traveller"]);
    assert.deepEqual(alert?.traveller, {
      name: "REUBEN THEBAULT",
      birthDate: "1945-01-13",
      nationality: flight.travellers.find((t) => t.surname === "THEBAULT")?.nationality,
      documentNumber: "700731195",
    });
    assert.equal(alert?.score, alert?.matches[0]?.score);
  });

  it("links the same person across flights: JIANG/CHIANG and GAYLA/GAELLA JOSEPH", () => {
    const clusters = linkTravellers(flights).map((c) =>
      c.map(({ manifest, traveller }) => `${manifest + 1}:${traveller.givenNames} ${traveller.surname}`),
    );
    const truth = wcoGroundTruth().expected_same_person_clusters;
    assert.equal(clusters.length, truth.length);
    assert.deepEqual(clusters, [
      ["1:HSIUYUAN JIANG", "2:XIUYUAN CHIANG", "3:XIUYUAN JIANG"],
      ["1:GAYLA COOKE JOSEPH", "3:GAELLA COOK JOSEPH"],
    ]);
    assert.deepEqual(
      truth.map((c) => c.length),
      clusters.map((c) => c.length),
    );
  });
});
