import { closeSync, openSync, renameSync, rmSync, writeSync } from "node:fs";
import type { Command } from "commander";
import { toFtmJsonl } from "../formats/ftm-jsonl.ts";
import type { EntityStatus } from "../model/entity.ts";
import { exportEntities } from "../registry/queries.ts";
import { parseStatus } from "./entities.ts";
import { printRecord } from "./output.ts";
import { withStore } from "./store.ts";

interface ExportOptions {
  json?: boolean;
  out?: string;
  status?: string;
}

export function registerExportCommands(program: Command): void {
  program
    .command("export")
    .description("export the registry")
    .command("ftm")
    .description("write every entity as FollowTheMoney JSON Lines (to stdout, or to --out FILE)")
    .option("--out <file>", "write to this file instead of stdout")
    .option("--status <status>", "only entities with this status: active, delisted or withdrawn")
    .option("--json", "with --out, print a JSON summary")
    .action(async (options: ExportOptions) => {
      const status = options.status === undefined ? undefined : parseStatus(options.status);
      if (!options.out) {
        await withStore(async (store) => {
          for await (const entity of exportEntities(store.db, { status }))
            process.stdout.write(toFtmJsonl([entity]));
        });
        return;
      }
      const exported = await writeFileWhole(options.out, status);
      printRecord({ exported, file: options.out }, options);
    });
}

/** Writes to a temporary file renamed into place at the end, so a failed export leaves no half file. */
async function writeFileWhole(out: string, status: EntityStatus | undefined): Promise<number> {
  const partial = `${out}.partial`;
  const fd = openSync(partial, "w");
  let exported = 0;
  try {
    await withStore(async (store) => {
      for await (const entity of exportEntities(store.db, { status })) {
        writeSync(fd, toFtmJsonl([entity]));
        exported++;
      }
    });
  } catch (error) {
    closeSync(fd);
    rmSync(partial, { force: true });
    throw error;
  }
  closeSync(fd);
  renameSync(partial, out);
  return exported;
}
