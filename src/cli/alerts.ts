/** `ftfx alerts list|show|decide`: the alert queue and officers' decisions (ftfx recommends, people decide). */
import type { Command } from "commander";
import { decideAlert } from "../alerts/decide.ts";
import { getAlert, listAlerts } from "../alerts/service.ts";
import { type Alert, parseAlertKind, parseAlertStatus, parseDecision } from "../alerts/types.ts";
import { systemClock } from "../platform/clock.ts";
import { LOCAL_OPERATOR, type SharingContext } from "../sharing/context.ts";
import { type OutputOptions, printJson, printList, printRecord, printTable } from "./output.ts";
import { withStore } from "./store.ts";

const operator: SharingContext = { actor: LOCAL_OPERATOR, clock: systemClock };

const row = (a: Alert) => ({
  id: a.id,
  kind: a.kind,
  status: a.status,
  severity: a.severity,
  score: a.score.toFixed(3),
  subject: a.subject.name,
  birthDate: a.subject.birthDate ?? "",
  match: a.matches[0]?.caption ?? "",
  rules: a.ruleHits.map((h) => h.ruleId).join(", "),
  created: a.createdAt,
});

export function registerAlertCommands(program: Command): void {
  const alerts = program.command("alerts").description("the alert queue and adjudication");

  alerts
    .command("list")
    .description("alerts by priority (severity, then score)")
    .option("--status <status>", "open, confirmed, dismissed or escalated")
    .option("--kind <kind>", "traveller or payment")
    .option("--limit <n>", "at most this many", "100")
    .option("--json", "JSON Lines")
    .action(async (options: OutputOptions & { status?: string; kind?: string; limit: string }) => {
      const filter = {
        limit: Number(options.limit),
        ...(options.status ? { status: parseAlertStatus(options.status, "--status") } : {}),
        ...(options.kind ? { kind: parseAlertKind(options.kind, "--kind") } : {}),
      };
      const found = await withStore((store) => listAlerts(store.db, filter));
      if (options.json) return printList(found as unknown as Record<string, unknown>[], options);
      printList(found.map(row), options);
    });

  alerts
    .command("show <id>")
    .description("one alert with every hit, its explanation and its decision history")
    .option("--json", "print JSON")
    .action(async (id: string, options: OutputOptions) => {
      const alert = await withStore((store) => getAlert(store.db, id));
      if (options.json) return printJson(alert);
      const { history, matches, ruleHits, cleared } = alert;
      printRecord({ ...row(alert), assignee: alert.assignee ?? "", context: alert.context }, options);
      for (const m of matches) {
        process.stdout.write(`\nmatch ${m.caption} ${m.score.toFixed(3)} ${m.listRef ?? m.entityId}\n`);
        printTable(
          m.explanation.map((e) => ({ weight: e.weight.toFixed(2), feature: e.feature, detail: e.detail })),
          undefined,
          90,
        );
      }
      if (ruleHits.length) {
        process.stdout.write("\nrule hits\n");
        printTable(
          ruleHits.map((h) => ({ rule: h.ruleId, severity: h.severity, detail: h.detail })),
          undefined,
          100,
        );
      }
      for (const c of cleared)
        process.stdout.write(`cleared before: ${c.caption} by ${c.clearedBy} on ${c.clearedAt}\n`);
      process.stdout.write("\nhistory\n");
      printTable(
        history.map((d) => ({
          at: d.at,
          actor: d.actor,
          decision: d.decision,
          status: d.toStatus,
          reason: d.reason,
        })),
      );
    });

  alerts
    .command("decide <id>")
    .description("record an officer's decision; dismissing a watchlist match means 'not the same person'")
    .requiredOption("--decision <decision>", "confirm, dismiss or escalate")
    .requiredOption("--reason <text>", "why (kept in the append-only history)")
    .option("--assignee <user>", "who works the alert next")
    .option("--json", "print JSON")
    .action(
      async (
        id: string,
        options: OutputOptions & { decision: string; reason: string; assignee?: string },
      ) => {
        const input = {
          decision: parseDecision(options.decision, "--decision"),
          reason: options.reason,
          ...(options.assignee ? { assignee: options.assignee } : {}),
        };
        const alert = await withStore((store) => decideAlert(store.db, id, input, operator));
        if (options.json) return printJson(alert);
        printRecord(
          {
            id: alert.id,
            status: alert.status,
            assignee: alert.assignee ?? "",
            decisions: alert.history.length,
          },
          options,
        );
      },
    );
}
