import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { type DisclosureRequest, decideDisclosure } from "../../src/sharing/policy.ts";
import {
  type Agency,
  type Arrangement,
  coalitionOf,
  DISCLOSURES,
  type Handling,
  type RecipientParty,
} from "../../src/sharing/types.ts";

const NOW = new Date("2026-06-01T12:00:00Z");
const originator: Agency = { id: "de-bka", country: "DE", name: "BKA", type: "police" };
const viewer: Agency = { id: "nl-kmar", country: "NL", name: "KMar", type: "border" };
const stranger: Agency = { id: "fr-dgsi", country: "FR", name: "DGSI", type: "intelligence" };
const record = {
  id: "ent-1",
  originator: originator.id,
  handling: "AMBER" as Handling,
  status: "active" as const,
};

function arrangement(overrides: Partial<Arrangement> = {}): Arrangement {
  return {
    id: "arr-1",
    originator: { agency: originator.id },
    recipient: { agency: viewer.id },
    disclosure: "summary",
    purposes: ["border-screening"],
    validFrom: "2026-01-01T00:00:00Z",
    ...overrides,
  };
}

function request(overrides: Partial<DisclosureRequest> = {}): DisclosureRequest {
  return {
    viewer,
    purpose: "border-screening",
    record,
    arrangements: [arrangement()],
    grants: [],
    now: NOW,
    coalition: coalitionOf([originator, viewer, stranger]),
    ...overrides,
  };
}

const level = (overrides: Partial<DisclosureRequest> = {}) => decideDisclosure(request(overrides)).level;

describe("the whole table: handling × recipient kind × viewer membership × arrangement level", () => {
  const recipients: Record<string, RecipientParty> = {
    "agency naming the viewer": { agency: viewer.id },
    "country naming the viewer": { country: viewer.country },
    "group naming the viewer": { group: { id: "g", name: "Benelux", members: [stranger.id, viewer.id] } },
    "agency naming another": { agency: stranger.id },
    "country naming another": { country: stranger.country },
    "group naming others": { group: { id: "g", name: "Others", members: [stranger.id] } },
  };
  // ✓ = the arrangement's level reaches the viewer, · = none. Columns in the order of `recipients` above,
  // first for a viewer inside the coalition, then for one outside it.
  const TABLE: Record<Handling, [string, string]> = {
    CLEAR: ["✓✓✓···", "✓✓✓···"],
    GREEN: ["✓✓✓···", "······"],
    AMBER: ["✓✓✓···", "······"],
    "AMBER+STRICT": ["✓·····", "······"],
    RED: ["······", "······"],
  };
  for (const [handling, [inside, outside]] of Object.entries(TABLE) as [Handling, [string, string]][]) {
    test(handling, () => {
      let cells = 0;
      for (const [member, row] of [
        [true, inside],
        [false, outside],
      ] as const) {
        const coalition = coalitionOf(member ? [originator, viewer, stranger] : [originator, stranger]);
        Object.values(recipients).forEach((recipient, column) => {
          for (const disclosure of DISCLOSURES) {
            const expected = [...row][column] === "✓" ? disclosure : "none";
            const got = level({
              record: { ...record, handling },
              coalition,
              arrangements: [arrangement({ recipient, disclosure })],
            });
            assert.equal(got, expected, `${handling}, ${Object.keys(recipients)[column]}, member ${member}`);
            cells += 1;
          }
        });
      }
      assert.equal(cells, 2 * 6 * 3);
    });
  }
});

describe("rules", () => {
  test("the originator sees its own record, even RED, withdrawn and without arrangements", () => {
    const own = { viewer: originator, arrangements: [] };
    assert.equal(level(own), "own");
    assert.equal(level({ ...own, record: { ...record, handling: "RED", status: "withdrawn" } }), "own");
  });

  test("withdrawn and RED records reach no one else, whatever the arrangements and grants", () => {
    const generous = {
      arrangements: [arrangement({ disclosure: "full" })],
      grants: [
        {
          entityId: record.id,
          requester: viewer.id,
          level: "full" as const,
          expires: "2027-01-01T00:00:00Z",
        },
      ],
    };
    assert.equal(level(generous), "full");
    assert.equal(level({ ...generous, record: { ...record, status: "withdrawn" } }), "none");
    assert.equal(level({ ...generous, record: { ...record, handling: "RED" } }), "none");
  });

  test("delisted records stay visible under their arrangements", () => {
    assert.equal(level({ record: { ...record, status: "delisted" } }), "summary");
  });

  test("an arrangement applies only for its purposes", () => {
    assert.equal(level({ purpose: "border-screening" }), "summary");
    assert.equal(level({ purpose: "analysis" }), "none");
  });

  test("an arrangement applies from validFrom (inclusive) until validUntil (exclusive)", () => {
    const window = { validFrom: "2026-06-01T12:00:00Z", validUntil: "2026-06-02T00:00:00Z" };
    assert.equal(level({ arrangements: [arrangement(window)] }), "summary");
    assert.equal(
      level({ arrangements: [arrangement(window)], now: new Date("2026-06-01T11:59:59Z") }),
      "none",
    );
    assert.equal(
      level({ arrangements: [arrangement(window)], now: new Date("2026-06-02T00:00:00Z") }),
      "none",
    );
  });

  test("an originator country covers its agencies; another originator's arrangement does not apply", () => {
    assert.equal(level({ arrangements: [arrangement({ originator: { country: "DE" } })] }), "summary");
    assert.equal(level({ arrangements: [arrangement({ originator: { country: "FR" } })] }), "none");
    assert.equal(level({ arrangements: [arrangement({ originator: { agency: stranger.id } })] }), "none");
  });

  test("no arrangement, no disclosure — and the reason says why without naming the record", () => {
    const decision = decideDisclosure(request({ arrangements: [] }));
    assert.equal(decision.level, "none");
    assert.equal(decision.arrangementId, undefined);
    assert.ok(!decision.reason.includes(record.id));
  });

  test("the most generous arrangement wins; ties go to the smallest id, whatever the order", () => {
    const list = [
      arrangement({ id: "b", disclosure: "full" }),
      arrangement({ id: "c", disclosure: "hit-no-hit" }),
      arrangement({ id: "a", disclosure: "full" }),
    ];
    for (const arrangements of [list, [...list].reverse()]) {
      const decision = decideDisclosure(request({ arrangements }));
      assert.deepEqual([decision.level, decision.arrangementId], ["full", "a"]);
    }
  });

  describe("follow-up grants", () => {
    const base = { arrangements: [arrangement({ disclosure: "hit-no-hit" })] };
    const grant = {
      entityId: record.id,
      requester: viewer.id,
      level: "full" as const,
      expires: "2026-06-02T00:00:00Z",
    };

    test("raise the level for that record and requester until they expire", () => {
      const decision = decideDisclosure(request({ ...base, grants: [grant] }));
      assert.deepEqual([decision.level, decision.arrangementId], ["full", "arr-1"]);
      assert.equal(level({ ...base, grants: [grant], now: new Date(grant.expires) }), "hit-no-hit");
    });

    test("do nothing for another record or another requester", () => {
      assert.equal(level({ ...base, grants: [{ ...grant, entityId: "ent-2" }] }), "hit-no-hit");
      assert.equal(level({ ...base, grants: [{ ...grant, requester: stranger.id }] }), "hit-no-hit");
    });

    test("never lower a level, and never stand in for a missing arrangement", () => {
      const lower = { ...grant, level: "hit-no-hit" as const };
      assert.equal(level({ arrangements: [arrangement({ disclosure: "full" })], grants: [lower] }), "full");
      assert.equal(level({ arrangements: [], grants: [grant] }), "none");
      assert.equal(level({ ...base, grants: [grant], purpose: "analysis" }), "none");
    });
  });
});
