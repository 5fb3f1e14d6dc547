import assert from "node:assert/strict";
import { describe, it } from "node:test";
import fc from "fast-check";
import { decodeUtf8, lineAt } from "../../src/formats/text.ts";
import { isFtfxError } from "../../src/platform/errors.ts";

describe("text decoding", () => {
  it("decodes UTF-8 and drops a byte-order mark", () => {
    assert.equal(decodeUtf8(Buffer.from("\ufeffمحمد\nÅland"), "f"), "محمد\nÅland");
    fc.assert(
      fc.property(fc.string({ unit: "grapheme" }), (text) =>
        assert.equal(decodeUtf8(Buffer.from(text), "f"), text),
      ),
    );
  });

  it("names the line of the first invalid byte", () => {
    const cases: [Buffer, string][] = [
      [Buffer.from([0x61, 0x0a, 0x62, 0xe9, 0x0a]), "f:2"], // Latin-1 é
      [Buffer.from([0x0a, 0x0a, 0xe2, 0x82]), "f:3"], // truncated sequence at the end
      [Buffer.from([0xc0, 0xaf]), "f:1"], // overlong encoding
      [Buffer.from([0x41, 0xed, 0xa0, 0x80]), "f:1"], // surrogate
    ];
    for (const [bytes, where] of cases) {
      assert.throws(
        () => decodeUtf8(bytes, "f"),
        (error) => isFtfxError(error) && error.where === where,
        where,
      );
    }
  });

  it("counts lines from 1", () => {
    assert.equal(lineAt("a\nb\nc", 0), 1);
    assert.equal(lineAt("a\nb\nc", 2), 2);
    assert.equal(lineAt("a\nb\nc", 4), 3);
  });
});
