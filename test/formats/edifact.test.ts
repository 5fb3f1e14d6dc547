import assert from "node:assert/strict";
import { test } from "node:test";
import fc from "fast-check";
import {
  DEFAULT_SEPARATORS,
  readInterchange,
  type Segment,
  tokenize,
  value,
} from "../../src/formats/edifact.ts";
import { isFtfxError } from "../../src/platform/errors.ts";

const ENVELOPE = (body: string) =>
  `UNB+UNOA:4+SENDER+RECIPIENT+200130:0300+1'UNH+1+PAXLST:D:02B:UN:IATA'${body}UNT+3+1'UNZ+1+1'`;

function at(segments: Segment[], index: number): Segment {
  const segment = segments[index];
  assert.ok(segment, `no segment ${index}`);
  return segment;
}

/** Asserts a bad-input error whose message holds every fragment (segment number, tag, reason). */
function rejects(run: () => unknown, ...fragments: string[]): void {
  assert.throws(run, (error: unknown) => {
    assert.ok(isFtfxError(error) && error.code === "bad_input", `not a bad_input error: ${String(error)}`);
    for (const fragment of fragments)
      assert.match(error.message, new RegExp(fragment.replace(/[()?*+.]/g, "\\$&")));
    return true;
  });
}

test("segments, elements and components split on the default separators", () => {
  const { separators, segments } = tokenize("UNB+UNOA:4+A'NAD+FL+++JIANG:HSIUYUAN:'", "t.edi");
  assert.deepEqual(separators, DEFAULT_SEPARATORS);
  assert.deepEqual(
    segments.map((s) => [s.n, s.tag]),
    [
      [1, "UNB"],
      [2, "NAD"],
    ],
  );
  const nad = segments[1];
  assert.ok(nad);
  assert.deepEqual(nad.elements, [["FL"], [""], [""], ["JIANG", "HSIUYUAN", ""]]);
  assert.equal(value(nad, 3, 1), "HSIUYUAN");
  assert.equal(value(nad, 3, 2), undefined);
  assert.equal(value(nad, 9), undefined);
});

test("UNA sets custom separators and the release character", () => {
  const { segments } = tokenize("UNA:*.? $\nUNB*UNOA:4$NAD*FL***O?$BRIEN?*:ANN$", "t.edi");
  assert.equal(segments.length, 2);
  assert.equal(value(at(segments, 1), 3, 0), "O$BRIEN*");
});

test("the release character protects every separator, itself included", () => {
  const { segments } = tokenize("UNB+X'FTX+A?+B?:C?'D??E'", "t.edi");
  assert.equal(value(at(segments, 1), 0), "A+B:C'D?E");
});

test("any text survives a round trip through releasing", () => {
  const release = (text: string) => text.replace(/[?:+']/g, (c) => `?${c}`);
  fc.assert(
    fc.property(
      fc.array(fc.string({ unit: fc.constantFrom("A", "1", " ", "?", ":", "+", "'", "é") }), {
        minLength: 1,
        maxLength: 5,
      }),
      (parts) => {
        const { segments } = tokenize(`FTX+${parts.map(release).join("+")}'`, "t.edi");
        const segment = segments[0];
        return segment?.elements.every((e, i) => e.length === 1 && e[0] === parts[i]) === true;
      },
    ),
  );
});

test("line breaks are never data; leading spaces before a tag are dropped; segments know their line", () => {
  const { segments } = tokenize(
    " UNA:+.? '\n UNB+X'\r\n  NAD+FL+++VANDENBE\r\nRG:KEVIN'   DTM+329: 670603'",
    "t.edi",
  );
  assert.deepEqual(
    segments.map((s) => [s.tag, s.line]),
    [
      ["UNB", 2],
      ["NAD", 3],
      ["DTM", 4],
    ],
  );
  assert.equal(value(at(segments, 1), 3, 0), "VANDENBERG");
  assert.equal(value(at(segments, 2), 0, 1), "670603");
});

test("a UNA cut short by a line break is read as the defaults only when it shows them", () => {
  const { separators } = tokenize("UNA:+\\*'\nUNB+X'", "t.edi");
  assert.deepEqual(separators, DEFAULT_SEPARATORS);
  rejects(() => tokenize("UNA:*$\nUNB*X$", "t.edi"), "UNA", "3 characters");
  rejects(() => tokenize("UNA::.? 'UNB+X'", "t.edi"), "UNA", "two separators");
});

test("a final segment may lack its terminator only on the last line", () => {
  assert.equal(tokenize("UNB+X'UNZ+1+1", "t.edi").segments.length, 2);
  rejects(() => tokenize("UNB+X'UNZ+1+1\n\nsome remark", "t.edi"), "t.edi:3 segment 3", "UNZ", "some remark");
});

test("a typographic apostrophe in place of the terminator is named", () => {
  rejects(() => tokenize("UNB+X'SSR+DOCS:PARK\u2019\nTVL+1'", "t.edi"), "segment 2 (SSR)", "U+2019");
});

test("a line break between the release character and the released one is dropped like any other", () => {
  const { segments } = tokenize("UNB+X'\nNAD+FL+++O?\r\n'LEARY'\nDTM+329:331231'", "t.edi");
  assert.equal(value(at(segments, 1), 3, 0), "O'LEARY");
  assert.equal(at(segments, 2).line, 4);
});

test("a release character at the end of the text is an error", () => {
  rejects(() => tokenize("UNB+X'FTX+A?", "t.edi"), "segment 2", "release character");
});

test("the envelope: one message between UNB and UNZ", () => {
  const interchange = readInterchange(ENVELOPE("BGM+745'"), "t.edi");
  assert.equal(interchange.sender, "SENDER");
  assert.equal(interchange.preparedOn, "2020-01-30");
  assert.equal(interchange.referenceYear, 2020);
  assert.deepEqual(interchange.messageType, { type: "PAXLST", version: "D", release: "02B" });
  assert.deepEqual(
    interchange.body.map((s) => s.tag),
    ["BGM"],
  );
});

test("envelope errors name the segment number, tag and reason", () => {
  rejects(() => readInterchange("", "t.edi"), "t.edi", "no EDIFACT segments");
  rejects(
    () => readInterchange(`${ENVELOPE("BGM+745'")}13Nov09'`, "t.edi"),
    "segment 6 (13Nov09)",
    "after the interchange trailer UNZ",
  );
  rejects(() => readInterchange(ENVELOPE("bgm+745'"), "t.edi"), "segment 3 (bgm)", "not a segment tag");
  rejects(
    () => readInterchange(`UNH+1+PAXLST:D:02B'UNT+2+1'UNZ+1+1'`, "t.edi"),
    "segment 1 (UNH)",
    "starts with UNB",
  );
  rejects(
    () => readInterchange(ENVELOPE("BGM+745'").replace("UNZ+1+1'", ""), "t.edi"),
    "segment 4 (UNT)",
    "without its trailer UNZ",
  );
  rejects(
    () => readInterchange(ENVELOPE("UNH+2+PAXLST:D:02B'"), "t.edi"),
    "segment 3 (UNH)",
    "second message",
  );
  rejects(
    () => readInterchange(ENVELOPE("BGM+745'").replace("UNT+3+1'", ""), "t.edi"),
    "(UNZ)",
    "no trailer UNT",
  );
  rejects(
    () => readInterchange(ENVELOPE("").replace("+1'UNH", "+1'BGM+745'UNH"), "t.edi"),
    "segment 2 (BGM)",
    "outside the message",
  );
  rejects(
    () => readInterchange(ENVELOPE("").replace("200130", "201399"), "t.edi"),
    "segment 1 (UNB)",
    "201399",
  );
});
