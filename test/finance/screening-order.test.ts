import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { matchPayments } from "../../src/finance/screen.ts";
import { localityKey } from "../../src/finance/screening-order.ts";
import { MatchIndex, type SearchOptions } from "../../src/matching/index.ts";
import { analyzeName } from "../../src/matching/names.ts";
import { profileFromEntities } from "../../src/matching/profile.ts";
import type { MatchQuery } from "../../src/matching/types.ts";
import { syntheticPeople } from "../../src/registry/synthetic.ts";
import { payment } from "./synthetic-payments.ts";

/** Profiles per token key (a given name's key is its variant class, not its text). */
const keyOf = (text: string) => analyzeName(text, "person").tokens[0]?.key ?? text;
const counts = new Map([
  [keyOf("maria"), 40],
  [keyOf("lopez"), 7],
  [keyOf("anna"), 12],
]);
const count = (key: string) => counts.get(key) ?? 0;

describe("localityKey", () => {
  it("puts a name's parts from the one most profiles carry to the rarest", () => {
    assert.equal(localityKey(analyzeName("Lopez Maria", "person"), count), "maria lopez");
    assert.equal(localityKey(analyzeName("Maria Anna Lopez", "person"), count), "maria anna lopez");
  });

  it("orders parts carried equally often by their text, so the order is the same on every machine", () => {
    assert.equal(localityKey(analyzeName("Zed Quill Abe", "person"), count), "abe quill zed");
  });
});

describe("a batch's parties in locality order", () => {
  const people = syntheticPeople(300);
  const index = new MatchIndex(profileFromEntities(people));
  const names = people.slice(0, 12).map((p) => String(p.properties.name?.[0]));

  it("screens each distinct party once, those sharing a common name part together, with the matches of one-by-one screening", () => {
    const asked: MatchQuery[] = [];
    const recording = Object.create(index, {
      search: {
        value: (query: MatchQuery, top?: number, options?: SearchOptions) => {
          asked.push(query);
          return index.search(query, top, options);
        },
      },
    }) as MatchIndex;
    // Registered names, and names made of their parts crossed over, so parts recur across the batch.
    const crossed = names.map((name, i) => {
      const [first] = name.split(" ");
      const last = names[(i + 5) % names.length]?.split(" ").at(-1);
      return `${first} ${last}`;
    });
    const batch = [...names, ...crossed, ...names].map((name, i) =>
      payment({
        debtor: { name, kind: "person" },
        creditor: { name: crossed[i % crossed.length] ?? name, kind: "person" },
      }),
    );
    const together = matchPayments(batch, recording);
    const keys = asked.map((query) =>
      localityKey(analyzeName(query.name, "person"), (k) => index.stats.count(k)),
    );
    assert.deepEqual(keys, [...keys].sort(), "parties screened out of locality order");
    assert.equal(new Set(asked.map((q) => q.name)).size, asked.length, "a party screened twice");
    assert.equal(asked.length, new Set([...names, ...crossed]).size);
    assert.deepEqual(
      together,
      batch.flatMap((p) => matchPayments([p], index)),
    );
    assert.ok(
      together.some((m) => m.parties.some((p) => p.matches.length > 0)),
      "nothing matched: the test shows nothing",
    );
  });
});
