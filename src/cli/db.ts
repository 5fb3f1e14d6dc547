import type { Command } from "commander";
import { printRecord } from "./output.ts";
import { withStore } from "./store.ts";

export function registerDbCommands(program: Command): void {
  const db = program.command("db").description("database maintenance");
  db.command("migrate")
    .description("apply the committed migrations to the configured store")
    .option("--json", "print JSON")
    .action(async (options: { json?: boolean }) => {
      const kind = await withStore(async (store) => store.kind);
      printRecord({ migrated: true, store: kind }, options);
    });
}
