import type { Command } from "commander";
import { queuePaymentAlerts } from "../finance/payment-alerts.ts";
import { RelationshipGraph } from "../finance/relationships.ts";
import { parseRuleConfig } from "../finance/rule-config.ts";
import { type PaymentScreening, screenPayments } from "../finance/screen.ts";
import { readListFile } from "../formats/lists.ts";
import { parsePaymentMessage } from "../formats/payments.ts";
import { parseCsvMapping } from "../formats/payments-csv.ts";
import { readTextFile } from "../formats/text.ts";
import { MatchIndex } from "../matching/index.ts";
import { profileFromEntities } from "../matching/profile.ts";
import type { FtmEntity } from "../model/entity.ts";
import { systemClock } from "../platform/clock.ts";
import { loadActiveEntities } from "../registry/live-index.ts";
import { LOCAL_OPERATOR } from "../sharing/context.ts";
import { printJson, printTable } from "./output.ts";
import { withStore } from "./store.ts";

interface PaymentOptions {
  list: string[];
  mapping?: string;
  rules?: string;
  json?: boolean;
}

const collect = (value: string, previous: string[]) => [...previous, value];

/**
 * `ftfx screen payments FILE`: joins the `screen` command group whoever registers first (traveller
 * screening owns the group's other subcommands), so the two files compose in any order.
 */
export function registerPaymentCommands(program: Command): void {
  const screen =
    program.commands.find((command) => command.name() === "screen") ??
    program.command("screen").description("screen travellers, manifests and payments");
  addPaymentScreening(screen);
}

export function addPaymentScreening(screen: Command): void {
  screen
    .command("payments <file>")
    .description(
      "screen ISO 20022 (pacs.008, pain.001), SWIFT MT103 or CSV payments: parties, remittance and pattern rules",
    )
    .option("--list <file>", "screen in memory against this list file (no database); repeatable", collect, [])
    .option("--mapping <file>", "CSV column mapping (YAML or JSON)")
    .option("--rules <file>", "pattern rule settings (YAML or JSON)")
    .option("--json", "print the result as one JSON object")
    .action(async (file: string, options: PaymentOptions) => {
      const mapping = options.mapping
        ? parseCsvMapping(readTextFile(options.mapping), options.mapping)
        : undefined;
      const context = options.rules ? parseRuleConfig(readTextFile(options.rules), options.rules) : undefined;
      const payments = parsePaymentMessage(readTextFile(file), file, mapping ? { csvMapping: mapping } : {});
      const screenWith = (entities: FtmEntity[]) =>
        screenPayments(payments, new MatchIndex(profileFromEntities(entities)), {
          relationships: new RelationshipGraph(entities),
          ...(context ? { context } : {}),
        });
      let screening: PaymentScreening;
      if (options.list.length > 0) {
        screening = screenWith(options.list.flatMap((path) => readListFile(path).entities));
      } else {
        screening = await withStore(async (store) => {
          const result = screenWith(await loadActiveEntities(store.db));
          await queuePaymentAlerts(
            store.db,
            payments,
            result,
            { actor: LOCAL_OPERATOR, clock: systemClock },
            file,
          );
          return result;
        });
      }
      if (options.json) printJson(screening);
      else printScreening(screening);
    });
}

function printScreening(screening: PaymentScreening): void {
  printTable(
    screening.alerts.map((alert) => ({
      payment: alert.payment.id,
      amount: `${alert.payment.amount} ${alert.payment.currency}`,
      party: alert.party,
      score: alert.score.toFixed(3),
      match: alert.matches[0]?.caption ?? "",
      rules: alert.ruleHits.map((h) => h.ruleId).join(", "),
    })),
  );
  process.stderr.write(`${screening.payments} payments, ${screening.alerts.length} alerts\n`);
}
