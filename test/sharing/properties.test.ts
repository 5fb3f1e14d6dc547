import { test } from "node:test";
import fc from "fast-check";
import { PROPERTIES } from "./scenarios.ts";

// The issue asks for at least 1,000 random cases in `npm test`; each property runs that many.
for (const [name, property] of Object.entries(PROPERTIES)) {
  test(name, () => {
    fc.assert(property, { numRuns: 1000 });
  });
}
