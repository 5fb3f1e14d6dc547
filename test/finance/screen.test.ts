import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import { describe, it } from "node:test";
import { RelationshipGraph } from "../../src/finance/relationships.ts";
import { DEFAULT_RULE_CONTEXT } from "../../src/finance/rule-config.ts";
import { matchPayments, screenPayments } from "../../src/finance/screen.ts";
import type { Payment } from "../../src/formats/payment-types.ts";
import { parsePaymentMessage } from "../../src/formats/payments.ts";
import { MatchIndex, type SearchOptions } from "../../src/matching/index.ts";
import { profileFromEntities } from "../../src/matching/profile.ts";
import type { MatchQuery } from "../../src/matching/types.ts";
import type { FtmEntity } from "../../src/model/entity.ts";
import { isFtfxError } from "../../src/platform/errors.ts";
import { syntheticPeople } from "../../src/registry/synthetic.ts";
import { dataPath } from "../support/data.ts";
import { day, party, payment } from "./synthetic-payments.ts";

const person = (id: string, name: string, birthDate = "1985-03-14"): FtmEntity => ({
  id,
  schema: "Person",
  properties: { name: [name], birthDate: [birthDate], notes: ["SYNTHETIC test record"] },
});

const SUBJECT = person("subj-1", "Tarek Qassemzadeh");
const ASSOCIATE = person("assoc-1", "Walid Maroufian");
const BROTHER = person("bro-1", "Karim Qassemzadeh");
const LINKS: FtmEntity[] = [
  { id: "link-1", schema: "Associate", properties: { person: ["subj-1"], associate: ["assoc-1"] } },
  {
    id: "link-2",
    schema: "Family",
    properties: { person: ["subj-1"], relative: ["bro-1"], relationship: ["brother"] },
  },
];
const REGISTRY: FtmEntity[] = [...syntheticPeople(400), SUBJECT, ASSOCIATE, BROTHER, ...LINKS];
const index = new MatchIndex(profileFromEntities(REGISTRY));
const relationships = new RelationshipGraph(REGISTRY);

/** The explanation of a match adds up to its score (log-odds), as the matching engine promises. */
function assertExplained(match: { score: number; explanation: { weight: number }[] }): void {
  const logOdds = match.explanation.reduce((sum, e) => sum + e.weight, 0);
  assert.ok(Math.abs(1 / (1 + Math.exp(-logOdds)) - match.score) < 1e-6);
}

describe("screenPayments", () => {
  it("alerts on a payment to a registered synthetic person, with an explanation", () => {
    const target = REGISTRY.find((e) => e.id === "syn-2178-7") as FtmEntity;
    const name = target.properties.name?.[0] as string;
    const paid = payment({ creditor: { name, kind: "unknown" } });
    const result = screenPayments([paid], index);
    assert.equal(result.payments, 1);
    const alert = result.alerts.find((a) => a.party === "creditor");
    assert.ok(alert, JSON.stringify(result));
    assert.equal(alert.payment.id, paid.id);
    assert.equal(alert.payment.creditor, name);
    assert.equal(alert.matches[0]?.entityId, target.id);
    assert.equal(alert.score, alert.matches[0]?.score);
    assert.ok(alert.matches[0]?.explanation.some((e) => e.feature.startsWith("name")));
    for (const match of alert.matches) assertExplained(match);
  });

  it("does not alert on unrelated parties without rule hits", () => {
    const result = screenPayments([payment()], index);
    assert.deepEqual(result.alerts, []);
  });

  it("finds a registered subject named in the remittance text and says which words", () => {
    const paid = payment({ remittance: "Invoice 4711 family support for Tarek Qassemzadeh May rent" });
    const [alert] = screenPayments([paid], index).alerts;
    assert.equal(alert?.party, "remittance");
    assert.equal(alert?.matches[0]?.entityId, SUBJECT.id);
    const said = alert?.matches[0]?.explanation.find((e) => e.feature === "remittance");
    assert.match(said?.detail ?? "", /"tarek qassemzadeh" \(words 6–7\)/);
    assertExplained(alert?.matches[0] as NonNullable<typeof alert>["matches"][number]);
    const plain = payment({ remittance: "Invoice 4711 rent May 2024 thank you" });
    assert.deepEqual(screenPayments([plain], index).alerts, []);
  });

  it("raises the associate and family rules through the registry's relationships", () => {
    const toAssociate = payment({ creditor: { name: "Walid Maroufian", kind: "person" } });
    const toBrother = payment({ creditor: { name: "Karim Qassemzadeh", kind: "unknown" } });
    const result = screenPayments([toAssociate, toBrother], index, { relationships });
    const related = (id: string) =>
      result.alerts
        .filter((a) => a.payment.id === id)
        .flatMap((a) => a.ruleHits)
        .filter((h) => h.ruleId === "finance.related-party");
    const [associateHit] = related(toAssociate.id);
    assert.match(associateHit?.detail ?? "", /associate of registered subject Tarek Qassemzadeh \(subj-1\)/);
    const [brotherHit] = related(toBrother.id);
    assert.match(brotherHit?.detail ?? "", /brother of registered subject Tarek Qassemzadeh/);
    // Without the relationships the same payments alert on the parties only.
    const plain = screenPayments([toAssociate, toBrother], index);
    assert.equal(plain.alerts.flatMap((a) => a.ruleHits).length, 0);
  });

  it("flags structuring on crafted payments as rule-only alerts about the payment", () => {
    const beneficiary = party("Structured Receiver");
    const under = [0, 1, 2, 3].map((d) =>
      payment({ amount: 9_500 + d * 10, valueDate: day(d), creditor: beneficiary }),
    );
    const over = payment({ amount: 12_000, valueDate: day(1), creditor: beneficiary });
    const result = screenPayments([...under, over], index, { context: DEFAULT_RULE_CONTEXT });
    const flagged = result.alerts.filter((a) => a.ruleHits.some((h) => h.ruleId === "finance.structuring"));
    assert.deepEqual(
      flagged.map((a) => a.payment.id),
      under.map((p) => p.id),
    );
    for (const alert of flagged) {
      assert.equal(alert.party, "payment");
      assert.equal(alert.score, 0);
      assert.deepEqual(alert.matches, []);
    }
  });

  it("screens each distinct party and remittance text of a batch once, with the matches of one-by-one screening", () => {
    const searched: string[] = [];
    const counted = (method: "search" | "searchEitherKind") => ({
      value: (query: MatchQuery, top?: number, options?: SearchOptions) => {
        searched.push(`${query.schema}:${query.name}`);
        return index[method](query, top, options);
      },
    });
    const counting = Object.create(index, {
      search: counted("search"),
      searchEitherKind: counted("searchEitherKind"),
    }) as MatchIndex;
    const subject = { name: "Tarek Qassemzadeh", kind: "unknown" as const };
    const remittance = "family support for Walid Maroufian";
    const batch = [1, 2, 3].map(() => payment({ creditor: subject, remittance }));
    const together = matchPayments(batch, counting);
    const once = [...searched];
    assert.equal(new Set(once).size, once.length, `a search repeated: ${once.join(", ")}`);
    // A party of unknown kind is one search for either kind.
    assert.ok(once.includes("LegalEntity:Tarek Qassemzadeh"), once.join(", "));
    const alone = batch.flatMap((p) => matchPayments([p], index));
    assert.deepEqual(together, alone);
    assert.equal(together[0]?.parties.find((p) => p.role === "creditor")?.matches[0]?.entityId, SUBJECT.id);
    assert.equal(together[2]?.remittance[0]?.entityId, ASSOCIATE.id);
  });

  it("screens every shared payment sample that parses, one result per payment", () => {
    for (const dir of ["iso20022", "swift-mt"]) {
      for (const name of readdirSync(dataPath(`payments/${dir}`))) {
        let payments: Payment[];
        try {
          payments = parsePaymentMessage(readFileSync(dataPath(`payments/${dir}/${name}`), "utf8"), name);
        } catch (error) {
          assert.ok(isFtfxError(error) && error.code === "bad_input", `${name}: ${error}`);
          continue;
        }
        const result = screenPayments(payments, index, { relationships });
        assert.equal(result.payments, payments.length, name);
        const ids = new Set(payments.map((p) => p.id));
        for (const alert of result.alerts) assert.ok(ids.has(alert.payment.id), name);
      }
    }
  });
});
