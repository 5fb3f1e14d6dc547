/**
 * `ftfx screen manifest|traveller|mrz`: traveller screening from the command line. With --list it screens
 * in memory against list files (nothing stored); otherwise against the registry, storing the manifest and
 * queueing alerts in one transaction.
 */
import { readFileSync } from "node:fs";
import type { Command } from "commander";
import { readListFile } from "../formats/lists.ts";
import { readMrz } from "../formats/mrz.ts";
import { parseTravelMessage } from "../formats/travel-message.ts";
import type { Traveller } from "../formats/travel-types.ts";
import { MatchIndex } from "../matching/index.ts";
import { profileFromEntities } from "../matching/profile.ts";
import { systemClock } from "../platform/clock.ts";
import { registryMatchIndex } from "../registry/live-index.ts";
import { packageLocator } from "../screening/airports.ts";
import { memoryDocumentLookup } from "../screening/documents.ts";
import { type ManifestReport, manifestReport } from "../screening/report.ts";
import { DEFAULT_RULES } from "../screening/rules.ts";
import { type Screener, screenTravellers } from "../screening/screen.ts";
import {
  parseTravellerFields,
  type TravellerReport,
  travellerFromFields,
  travellerFromMrz,
  travellerReport,
} from "../screening/single.ts";
import {
  screenMessageIntoStore,
  screenTravellerInStore,
  storeScreener,
} from "../screening/store-screening.ts";
import { LOCAL_OPERATOR, type SharingContext } from "../sharing/context.ts";
import { printJson, printTable } from "./output.ts";
import { withStore } from "./store.ts";

const operator: SharingContext = { actor: LOCAL_OPERATOR, clock: systemClock };
const collect = (value: string, previous: string[]) => [...previous, value];

interface ListOptions {
  list: string[];
  json?: boolean;
}

/** A screener over list files: no database, no redress memory, the default rules. */
function listScreener(lists: string[]): Screener {
  const entities = lists.flatMap((path) => readListFile(path).entities);
  return {
    index: new MatchIndex(profileFromEntities(entities)),
    documents: memoryDocumentLookup(entities),
    rules: DEFAULT_RULES,
    airports: packageLocator,
  };
}

async function screenOne(traveller: Traveller, options: ListOptions): Promise<TravellerReport> {
  if (options.list.length) {
    const [result] = await screenTravellers([traveller], listScreener(options.list));
    if (!result) throw new Error("screening returned no result");
    return travellerReport(result);
  }
  return withStore(async (store) => {
    const screener = await storeScreener(store.db, await registryMatchIndex(store.db), operator);
    return travellerReport(await screenTravellerInStore(store.db, traveller, screener, operator));
  });
}

export function registerScreenCommands(program: Command): void {
  const screen =
    program.commands.find((command) => command.name() === "screen") ??
    program.command("screen").description("screen travellers, manifests and payments");

  screen
    .command("manifest <file>")
    .description("screen every traveller of a PAXLST or PNRGOV file (stored with its alerts unless --list)")
    .option("--list <file>", "screen in memory against this list file (no database); repeatable", collect, [])
    .option("--json", "print one JSON object")
    .action(async (file: string, options: ListOptions) => {
      const text = readFileSync(file, "utf8");
      let report: ManifestReport;
      if (options.list.length) {
        const manifest = parseTravelMessage(text, file);
        const results = await screenTravellers(manifest.travellers, listScreener(options.list), manifest);
        report = manifestReport(manifest.flight, results);
      } else {
        report = await withStore(async (store) => {
          const screener = await storeScreener(store.db, await registryMatchIndex(store.db), operator);
          return screenMessageIntoStore(store.db, text, file, screener, operator);
        });
      }
      if (options.json) printJson(report);
      else printManifestReport(report);
    });

  screen
    .command("traveller")
    .description("screen one traveller in real time")
    .requiredOption("--name <name>", "full name")
    .option("--dob <date>", "birth date YYYY-MM-DD, YYYY-MM or YYYY")
    .option("--nationality <country>", "nationality (code or name)")
    .option("--gender <gender>", "M or F")
    .option("--doc <number>", "travel document number")
    .option("--doc-country <country>", "document issuing country")
    .option("--list <file>", "screen in memory against this list file (no database); repeatable", collect, [])
    .option("--json", "print JSON")
    .action(async (options: ListOptions & Record<string, string | undefined>) => {
      const raw = {
        name: options.name,
        birthDate: options.dob,
        nationality: options.nationality,
        gender: options.gender,
        documentNumber: options.doc,
        documentCountry: options.docCountry,
      };
      const fields = parseTravellerFields(
        Object.fromEntries(Object.entries(raw).filter(([, v]) => v !== undefined)),
        "options",
      );
      const report = await screenOne(travellerFromFields(fields), options);
      if (options.json) printJson(report);
      else printTravellerReport(report);
    });

  screen
    .command("mrz <lines...>")
    .description("read a passport, ID card or visa MRZ (2 or 3 lines) and screen its holder")
    .option("--list <file>", "screen in memory against this list file (no database); repeatable", collect, [])
    .option("--json", "print JSON")
    .action(async (lines: string[], options: ListOptions) => {
      const mrz = readMrz(lines);
      const report = await screenOne(travellerFromMrz(mrz), options);
      const document = { format: mrz.format, checks: mrz.checks, warnings: mrz.warnings };
      if (options.json) return printJson({ ...report, document });
      for (const warning of mrz.warnings) process.stdout.write(`WARNING: ${warning}\n`);
      printTravellerReport(report);
    });
}

function bestMatch(report: { matches: { caption: string; score: number }[] }): string {
  const best = report.matches[0];
  return best ? `${best.caption} (${best.score.toFixed(3)})` : "";
}

function printManifestReport(report: ManifestReport): void {
  const { carrier, number, legs } = report.flight;
  const route = legs.map((l) => `${l.departure}-${l.arrival}`).join(" ");
  process.stdout.write(
    `flight ${carrier}${number} ${route}: ${report.travellers} travellers, ${report.alerts.length} alerts\n`,
  );
  printTable(
    report.alerts.map((a) => ({
      alert: a.alertId ?? "",
      name: a.traveller.name,
      birthDate: a.traveller.birthDate ?? "",
      document: a.traveller.documentNumber ?? "",
      match: bestMatch(a),
      rules: a.ruleHits.map((h) => `${h.ruleId} (${h.severity})`).join(", "),
    })),
  );
  for (const c of report.clearedBefore ?? []) {
    const records = c.cleared.map((m) => `${m.caption} by ${m.clearedBy} on ${m.clearedAt.slice(0, 10)}`);
    process.stdout.write(`cleared before: ${c.traveller.name} — ${records.join("; ")}\n`);
  }
}

function printTravellerReport(report: TravellerReport): void {
  const t = report.traveller;
  const facts = [t.birthDate, t.nationality, t.documentNumber].filter(Boolean).join(", ");
  process.stdout.write(`${report.alert ? "ALERT" : "no alert"}: ${t.name}${facts ? ` (${facts})` : ""}\n`);
  for (const m of report.matches) {
    process.stdout.write(`  match ${m.caption} ${m.score.toFixed(3)} ${m.listRef ?? m.entityId}\n`);
    for (const e of m.explanation)
      process.stdout.write(`    ${e.weight.toFixed(2).padStart(6)}  ${e.feature}: ${e.detail}\n`);
  }
  for (const h of report.ruleHits) process.stdout.write(`  rule ${h.ruleId} (${h.severity}): ${h.detail}\n`);
  for (const c of report.clearedBefore)
    process.stdout.write(`  cleared before: ${c.caption} by ${c.clearedBy} on ${c.clearedAt.slice(0, 10)}\n`);
}
