import assert from "node:assert/strict";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, test } from "node:test";
import { Command } from "commander";
import { listAlerts } from "../../src/alerts/service.ts";
import { registerPaymentCommands } from "../../src/cli/payments.ts";
import { registerScreenCommands } from "../../src/cli/screen.ts";
import type { FtmEntity } from "../../src/model/entity.ts";
import { openStore } from "../../src/platform/db.ts";
import { importEntities } from "../../src/registry/import.ts";

/** Runs `ftfx screen payments …` in process, with the command group registered as commands.ts does. */
async function ftfx(...args: string[]): Promise<string> {
  const program = new Command("ftfx").exitOverride();
  registerPaymentCommands(program);
  let out = "";
  const write = process.stdout.write.bind(process.stdout);
  const writeErr = process.stderr.write.bind(process.stderr);
  process.stdout.write = ((chunk: string) => {
    out += chunk;
    return true;
  }) as typeof process.stdout.write;
  process.stderr.write = (() => true) as typeof process.stderr.write;
  try {
    await program.parseAsync(["node", "ftfx", ...args]);
  } finally {
    process.stdout.write = write;
    process.stderr.write = writeErr;
  }
  return out;
}

const SUBJECT: FtmEntity = {
  id: "syn-subject-1",
  schema: "Person",
  properties: { name: ["Yusuf Tahhanov"], birthDate: ["1988-02-03"], notes: ["SYNTHETIC test record"] },
};
const ASSOCIATE: FtmEntity = {
  id: "syn-associate-1",
  schema: "Person",
  properties: { name: ["Ruslan Vakhitoglu"], notes: ["SYNTHETIC test record"] },
};
const LINK: FtmEntity = {
  id: "syn-link-1",
  schema: "Associate",
  properties: { person: ["syn-subject-1"], associate: ["syn-associate-1"] },
};

const PAYMENTS_CSV = [
  "messageRef,amount,currency,valueDate,debtor.name,creditor.name,remittance",
  "R1,120.00,EUR,2024-05-01,SYNTHETIC Sender One,Yusuf Tahhanov,gift",
  "R2,80.00,EUR,2024-05-02,SYNTHETIC Sender Two,SYNTHETIC Bakery,bread for Yusuf Tahhanov",
  "R3,75.00,EUR,2024-05-03,SYNTHETIC Sender Three,Ruslan Vakhitoglu,rent",
  "R4,10.00,EUR,2024-05-04,SYNTHETIC Sender Four,SYNTHETIC Grocer,apples",
].join("\n");

describe("ftfx screen payments", () => {
  let dir: string;
  let list: string;
  let csv: string;

  before(() => {
    dir = mkdtempSync(join(tmpdir(), "ftfx-payments-cli-"));
    list = join(dir, "subjects.jsonl");
    writeFileSync(list, `${[SUBJECT, ASSOCIATE, LINK].map((e) => JSON.stringify(e)).join("\n")}\n`);
    csv = join(dir, "payments.csv");
    writeFileSync(csv, `${PAYMENTS_CSV}\n`);
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  test("joins the screen group of traveller screening in either order", () => {
    for (const order of [
      [registerScreenCommands, registerPaymentCommands],
      [registerPaymentCommands, registerScreenCommands],
    ]) {
      const program = new Command("ftfx");
      for (const register of order) register(program);
      const groups = program.commands.filter((c) => c.name() === "screen");
      assert.equal(groups.length, 1);
      const names = groups[0]?.commands.map((c) => c.name()) ?? [];
      assert.ok(names.includes("payments") && names.includes("manifest"), names.join(","));
    }
  });

  test("--list --json screens in memory and prints the issue's object", async () => {
    const result = JSON.parse(await ftfx("screen", "payments", csv, "--list", list, "--json"));
    assert.equal(result.payments, PAYMENTS_CSV.split("\n").length - 1);
    const byRef = (party: string) =>
      result.alerts
        .filter((a: { party: string }) => a.party === party)
        .map((a: { payment: { id: string } }) => a.payment.id);
    assert.equal(byRef("creditor").length, 2);
    assert.equal(byRef("remittance").length, 1);
    const [creditor] = result.alerts;
    assert.deepEqual(Object.keys(creditor), ["payment", "party", "score", "matches", "ruleHits"]);
    assert.deepEqual(Object.keys(creditor.payment), ["id", "amount", "currency", "debtor", "creditor"]);
    assert.equal(creditor.payment.creditor, "Yusuf Tahhanov");
    assert.equal(creditor.matches[0].entityId, SUBJECT.id);
    const toAssociate = result.alerts.find(
      (a: { payment: { creditor: string } }) => a.payment.creditor === "Ruslan Vakhitoglu",
    );
    assert.equal(toAssociate.ruleHits[0].ruleId, "finance.related-party");
  });

  test("--mapping reads an FIU export and --rules changes the rule settings", async () => {
    const export_ = join(dir, "fiu.csv");
    writeFileSync(
      export_,
      "Ref;Betrag;Whg;Datum;Von;An\n" +
        ["A;9.600,00;EUR;2024-05-01", "B;9.700,00;EUR;2024-05-02"]
          .map((row) => `${row};SYNTHETIC Payer;SYNTHETIC Receiver`)
          .join("\n"),
    );
    const mapping = join(dir, "fiu.yaml");
    writeFileSync(
      mapping,
      "delimiter: ';'\ndecimalComma: true\ncolumns: {messageRef: Ref, amount: Betrag, currency: Whg, valueDate: Datum, debtor.name: Von, creditor.name: An}\n",
    );
    const rules = join(dir, "rules.yaml");
    writeFileSync(rules, "structuring: { minPayments: 2 }\n");
    const args = ["screen", "payments", export_, "--list", list, "--mapping", mapping, "--json"];
    const defaults = JSON.parse(await ftfx(...args));
    assert.equal(defaults.payments, 2);
    assert.deepEqual(defaults.alerts, []);
    const strict = JSON.parse(await ftfx(...args, "--rules", rules));
    assert.equal(strict.alerts.length, 2);
    assert.ok(
      strict.alerts.every(
        (a: { ruleHits: { ruleId: string }[] }) => a.ruleHits[0]?.ruleId === "finance.structuring",
      ),
    );
  });

  test("a bad payment file fails naming the line and field, before anything is screened", async () => {
    const bad = join(dir, "bad.csv");
    writeFileSync(bad, "amount,currency,debtor.name,creditor.name\n12x,EUR,A,B\n");
    await assert.rejects(ftfx("screen", "payments", bad, "--list", list), /bad\.csv:2 \(amount\)/);
  });

  test("without --list screens the registry and queues the alerts once per payment and party", async () => {
    const dataDir = join(dir, "store");
    const store = await openStore({ dataDir });
    await store.migrate();
    await importEntities(store.db, {
      source: "test",
      dataset: "synthetic-test",
      file: "test",
      actor: "test",
      entities: [SUBJECT, ASSOCIATE, LINK],
    });
    await store.close();
    const saved = { dir: process.env.FTFX_DATA_DIR, url: process.env.DATABASE_URL };
    process.env.FTFX_DATA_DIR = dataDir;
    process.env.DATABASE_URL = "";
    try {
      const first = JSON.parse(await ftfx("screen", "payments", csv, "--json"));
      await ftfx("screen", "payments", csv, "--json");
      const reopened = await openStore({ dataDir });
      const queued = await listAlerts(reopened.db, { kind: "payment" });
      await reopened.close();
      assert.equal(queued.length, first.alerts.length);
      const keys = queued.map((a) => a.occasionKey).sort();
      const expected = first.alerts
        .map((a: { payment: { id: string }; party: string }) => `${a.payment.id}|${a.party}`)
        .sort();
      assert.deepEqual(keys, expected);
      // An Associate link reads both ways: each of the two is the other's associate.
      const related = queued.filter((a) => a.ruleHits.some((h) => h.ruleId === "finance.related-party"));
      assert.deepEqual(related.map((a) => (a.context.payment as { creditor: string }).creditor).sort(), [
        "Ruslan Vakhitoglu",
        "Yusuf Tahhanov",
      ]);
      // A registered associate: the direct match (critical at this score) and the high related-party rule.
      assert.ok(related.every((a) => a.kind === "payment" && a.severity === "critical"));
    } finally {
      process.env.FTFX_DATA_DIR = saved.dir;
      process.env.DATABASE_URL = saved.url;
    }
  });
});
