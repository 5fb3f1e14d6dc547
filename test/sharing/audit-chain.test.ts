import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import { describe, test } from "node:test";
import fc from "fast-check";
import {
  type AuditEntry,
  canonicalJson,
  chainEntry,
  GENESIS_HASH,
  type JsonObject,
  verifyChain,
} from "../../src/sharing/audit-chain.ts";

function chainOf(bodies: JsonObject[]): AuditEntry[] {
  const entries: AuditEntry[] = [];
  for (const [i, body] of bodies.entries())
    entries.push(chainEntry(entries.at(-1) ?? null, body, `aud-${i + 1}`));
  return entries;
}

const bodies = (n: number): JsonObject[] =>
  Array.from({ length: n }, (_, i) => ({
    at: `2026-06-01T00:00:${String(i).padStart(2, "0")}Z`,
    actor: { agencyId: "nl-kmar", userId: `u${i % 3}` },
    action: i % 2 ? "screening" : "read",
    purpose: "border-screening",
  }));

describe("chainEntry", () => {
  test("links each entry to the previous hash and numbers it", () => {
    const [first, second] = chainOf(bodies(2));
    assert.ok(first && second);
    assert.deepEqual([first.seq, first.prevHash], [1, GENESIS_HASH]);
    assert.deepEqual([second.seq, second.prevHash], [2, first.hash]);
  });

  test("hash = SHA-256 of the previous hash and the canonical JSON of id, seq and body", () => {
    const entry = chainEntry(null, { b: 1, a: "x" }, "aud-1");
    const expected = createHash("sha256")
      .update(`${GENESIS_HASH}{"body":{"a":"x","b":1},"id":"aud-1","seq":1}`)
      .digest("hex");
    assert.equal(entry.hash, expected);
  });
});

describe("canonicalJson", () => {
  test("sorts keys at every depth and keeps array order", () => {
    assert.equal(
      canonicalJson({ z: [3, { y: null, x: true }], a: "é\n" }),
      '{"a":"é\\n","z":[3,{"x":true,"y":null}]}',
    );
  });

  test("is the same for any key order (as after a jsonb round trip)", () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const reordered = JSON.parse(
          JSON.stringify(value, (_k, v) => (isPlainObject(v) ? reverseKeys(v) : v)),
        );
        assert.equal(canonicalJson(reordered), canonicalJson(value as never));
      }),
      { numRuns: 300 },
    );
  });

  test("refuses numbers JSON cannot carry", () => {
    assert.throws(() => canonicalJson({ n: Number.NaN }), /no JSON form/);
  });
});

describe("verifyChain", () => {
  test("an intact chain verifies and counts its entries", () => {
    assert.deepEqual(verifyChain(chainOf(bodies(7))), { ok: true, entries: 7 });
    assert.deepEqual(verifyChain([]), { ok: true, entries: 0 });
  });

  test("a changed body breaks the chain at that entry", () => {
    const entries = chainOf(bodies(5));
    entries[2] = { ...(entries[2] as AuditEntry), body: { ...entries[2]?.body, purpose: "analysis" } };
    assert.deepEqual(verifyChain(entries), { ok: false, firstBrokenAt: "aud-3" });
  });

  test("a changed body with a recomputed hash breaks the chain at the next entry", () => {
    const entries = chainOf(bodies(5));
    const forged = chainEntry(entries[1] as AuditEntry, { forged: true }, "aud-3");
    entries[2] = forged;
    assert.deepEqual(verifyChain(entries), { ok: false, firstBrokenAt: "aud-4" });
  });

  test("a changed sequence number or id is caught", () => {
    const entries = chainOf(bodies(4));
    const renumbered = entries.map((e) => (e.id === "aud-2" ? { ...e, id: "aud-x" } : e));
    assert.deepEqual(verifyChain(renumbered), { ok: false, firstBrokenAt: "aud-x" });
    const resequenced = entries.map((e) => (e.id === "aud-3" ? { ...e, seq: 7 } : e));
    assert.deepEqual(verifyChain(resequenced), { ok: false, firstBrokenAt: "aud-3" });
  });

  test("random tampering — change, delete, reorder — is caught at the first tampered position", () => {
    const tampering = fc.oneof(
      fc.record({ kind: fc.constant("change" as const), at: fc.nat() }),
      fc.record({ kind: fc.constant("delete" as const), at: fc.nat() }),
      fc.record({ kind: fc.constant("swap" as const), at: fc.nat(), with: fc.nat() }),
    );
    fc.assert(
      fc.property(fc.integer({ min: 2, max: 12 }), tampering, (n, t) => {
        const entries = chainOf(bodies(n));
        const at = t.at % n;
        let expected: string | undefined;
        if (t.kind === "change") {
          entries[at] = { ...(entries[at] as AuditEntry), body: { tampered: true } };
          expected = `aud-${at + 1}`;
        } else if (t.kind === "delete") {
          entries.splice(at, 1);
          // The entry after the deleted one no longer follows; deleting the newest entry is not detectable.
          expected = at < n - 1 ? `aud-${at + 2}` : undefined;
        } else {
          const other = t.with % n;
          if (other === at) return;
          const [first, second] = [Math.min(at, other), Math.max(at, other)];
          [entries[first], entries[second]] = [entries[second] as AuditEntry, entries[first] as AuditEntry];
          expected = `aud-${second + 1}`;
        }
        const verdict = verifyChain(entries);
        assert.deepEqual(
          verdict,
          expected ? { ok: false, firstBrokenAt: expected } : { ok: true, entries: n - 1 },
        );
      }),
      { numRuns: 1000 },
    );
  });
});

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

function reverseKeys(v: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(v).reverse());
}
