import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import { test } from "node:test";
import { parseTravelMessage } from "../../src/formats/travel-message.ts";
import { isFtfxError } from "../../src/platform/errors.ts";
import { dataPath } from "../support/data.ts";

/** The samples judged malformed, each with what its error must name (see docs/travel-messages.md). */
const MALFORMED: Record<string, string[]> = {
  "gtas_apis_three_legs_trailing_garbage.edi": ["(13Nov09)", "after the interchange trailer UNZ"],
  "gtas_pnrgov_bad_format.edi": ["segment 29", "(UNZ)", "lacks its terminator"],
  "gtas_pnrgov_guide_p75.edi": ["(SSR)", "U+2019"],
  "gtas_pnrgov_guide_p77_codeshare.edi": ["(TVL)", '"4321" is not a time'],
};

for (const kind of ["paxlst", "pnrgov"] as const) {
  const folder = dataPath(`travel-messages/${kind}/`);
  for (const name of readdirSync(folder).filter((f) => f.endsWith(".edi"))) {
    test(`${kind}/${name}: parses as ${kind}, or is rejected whole with segment, tag and reason`, () => {
      const raw = readFileSync(`${folder}${name}`, "utf8");
      const expectedError = MALFORMED[name];
      if (expectedError) {
        assert.throws(
          () => parseTravelMessage(raw, name),
          (error: unknown) =>
            isFtfxError(error) &&
            error.code === "bad_input" &&
            /segment \d+/.test(error.message) &&
            expectedError.every((fragment) => error.message.includes(fragment)),
        );
        return;
      }
      const manifest = parseTravelMessage(raw, name);
      assert.equal(manifest.kind, kind);
      assert.ok(manifest.travellers.length > 0);
      assert.ok(manifest.flight.legs.length > 0);
      assert.equal(
        new Set(manifest.travellers.map((t) => t.ref)).size,
        manifest.travellers.length,
        "refs are unique",
      );
    });
  }
}

test("a message that is neither PAXLST nor PNRGOV is named", () => {
  assert.throws(
    () => parseTravelMessage("UNB+UNOA:4+A+B+200130:0300+1'UNH+1+CUSRES:D:05B:UN'UNT+2+1'UNZ+1+1'", "x.edi"),
    /x\.edi:1 segment 2 \(UNH\): message type CUSRES is neither PAXLST nor PNRGOV/,
  );
});
