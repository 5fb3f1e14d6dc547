import assert from "node:assert/strict";
import { test } from "node:test";
import { makeToken } from "../../src/matching/names.ts";
import { FrequencyStats } from "../../src/matching/stats.ts";

test("a token's weight follows the counts as subjects are added and removed", () => {
  const stats = new FrequencyStats();
  for (let i = 0; i < 5000; i++) stats.addSubject([`filler${i}`]);
  const token = makeToken("zadranov");
  const rare = stats.tokenWeight(token);
  assert.equal(stats.tokenWeight(token), rare, "asked again, the same weight");
  for (let i = 0; i < 500; i++) stats.addSubject(["zadranov"]);
  const common = stats.tokenWeight(token);
  assert.ok(common < rare - 2, `500 more holders: ${rare} -> ${common}`);
  for (let i = 0; i < 500; i++) stats.addSubject(["zadranov"], -1);
  assert.ok(Math.abs(stats.tokenWeight(token) - rare) < 0.05, "back to rare once they are removed");
});
