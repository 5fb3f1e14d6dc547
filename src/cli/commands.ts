import type { Command } from "commander";
import { registerDbCommands } from "./db.ts";

/** Every command group registers itself here; each lives in its own file under src/cli/. */
export function registerCommands(program: Command): void {
  registerDbCommands(program);
}
