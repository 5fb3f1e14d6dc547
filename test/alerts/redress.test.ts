import assert from "node:assert/strict";
import { describe, it } from "node:test";
import fc from "fast-check";
import { evidenceFingerprint } from "../../src/alerts/redress.ts";

const word = fc.stringMatching(/^[A-Za-z]{2,10}$/);

describe("evidence fingerprint", () => {
  it("ignores word order, case and document punctuation", () => {
    fc.assert(
      fc.property(
        fc.array(word, { minLength: 1, maxLength: 4 }),
        fc.stringMatching(/^[A-Z0-9]{6,9}$/),
        (words, doc) => {
          const a = evidenceFingerprint({
            name: words.join(" "),
            birthDate: "1980-01-02",
            documentNumbers: [doc],
          });
          const b = evidenceFingerprint({
            name: [...words].reverse().join("  ").toUpperCase(),
            birthDate: "1980-01-02",
            documentNumbers: [`${doc.slice(0, 3)}-${doc.slice(3)}`.toLowerCase()],
          });
          assert.equal(a, b);
        },
      ),
    );
  });

  it("changes with the birth date, a document or a name part", () => {
    const base = { name: "Reuben Thebault", birthDate: "1945-01-13", documentNumbers: ["700731195"] };
    const fingerprint = evidenceFingerprint(base);
    for (const changed of [
      { ...base, birthDate: "1945-01-14" },
      { ...base, documentNumbers: ["700731196"] },
      { ...base, documentNumbers: ["700731195", "X1"] },
      { ...base, name: "Reuben Thebaud" },
    ])
      assert.notEqual(evidenceFingerprint(changed), fingerprint);
  });
});
