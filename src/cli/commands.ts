import type { Command } from "commander";
import { registerAlertCommands } from "./alerts.ts";
import { registerDbCommands } from "./db.ts";
import { registerEntityCommands } from "./entities.ts";
import { registerExportCommands } from "./export.ts";
import { registerImportCommands } from "./import.ts";
import { registerMatchCommands } from "./match.ts";
import { registerPaymentCommands } from "./payments.ts";
import { registerScreenCommands } from "./screen.ts";
import {
  registerAgencyCommands,
  registerArrangementCommands,
  registerAuditCommands,
  registerKeyCommands,
  registerRetentionCommands,
  registerUserCommands,
} from "./sharing.ts";

/** Every command group registers itself here; each lives in its own file under src/cli/. */
export function registerCommands(program: Command): void {
  registerDbCommands(program);
  registerImportCommands(program);
  registerExportCommands(program);
  registerEntityCommands(program);
  registerAgencyCommands(program);
  registerKeyCommands(program);
  registerUserCommands(program);
  registerArrangementCommands(program);
  registerAuditCommands(program);
  registerRetentionCommands(program);
  registerMatchCommands(program);
  registerScreenCommands(program);
  registerPaymentCommands(program);
  registerAlertCommands(program);
}
