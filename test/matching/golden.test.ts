import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { test } from "node:test";
import {
  parseThresholdPairs,
  resolveNames,
  scoreThresholdPairs,
} from "../../src/matching/eval/cross-script.ts";
import { dataPath } from "../support/data.ts";

/** Known gaps, listed so that a fix shows up as a failing test to update (none at present). */
const KNOWN_PAIR_GAPS = new Set<string>();
const KNOWN_VARIANT_GAPS = new Set<string>();

test("watchman cross-script pairs score above their thresholds (except the known gaps)", () => {
  const results = scoreThresholdPairs(
    parseThresholdPairs(readFileSync(dataPath("name-matching/watchman_cross_script_pairs.csv"), "utf8")),
  );
  assert.ok(results.length >= 20);
  const failing = results.filter((r) => !r.passed).map((r) => r.query);
  assert.deepEqual(failing.sort(), [...KNOWN_PAIR_GAPS].sort());
});

test("the Putin name variants resolve to one person (except the known gaps)", () => {
  const names = readFileSync(dataPath("name-matching/nomenklatura_putin_name_variants.txt"), "utf8")
    .split("\n")
    .map((n) => n.trim())
    .filter(Boolean);
  const groups = resolveNames(names);
  const main = groups[0] ?? [];
  const outside = names.filter((n) => !main.includes(n));
  assert.deepEqual(outside.sort(), [...KNOWN_VARIANT_GAPS].sort());
});
