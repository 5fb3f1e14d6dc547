import { Command, CommanderError } from "commander";
import { isFtfxError } from "../platform/errors.ts";
import { registerCommands } from "./commands.ts";

/** Exit codes: 0 success, 1 failure, 2 bad input or usage. */
export const EXIT_OK = 0;
export const EXIT_FAILURE = 1;
export const EXIT_BAD_INPUT = 2;

const program = new Command("ftfx")
  .description("ftfx — shared FTF registry, identity matching, screening and coalition sharing")
  .exitOverride()
  .configureOutput({ writeErr: (text) => process.stderr.write(text) });
registerCommands(program);

// A reader that stops early (`ftfx entities list --json | head`) closes stdout: it has what it wanted, and
// anything a command writes to the store is committed before its results are printed, so end quietly.
process.stdout.on("error", (error: NodeJS.ErrnoException) => {
  if (error.code !== "EPIPE") throw error;
  process.exit(EXIT_OK);
});

try {
  await program.parseAsync(process.argv);
  process.exitCode = EXIT_OK;
} catch (error) {
  if (error instanceof CommanderError) {
    const isHelp = error.code === "commander.helpDisplayed" || error.code === "commander.version";
    process.exitCode = isHelp || error.exitCode === 0 ? EXIT_OK : EXIT_BAD_INPUT;
  } else if (isFtfxError(error)) {
    process.stderr.write(`ftfx: ${error.message}\n`);
    process.exitCode =
      error.code === "bad_input" || error.code === "not_found" ? EXIT_BAD_INPUT : EXIT_FAILURE;
  } else {
    process.stderr.write(
      `ftfx: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    );
    process.exitCode = EXIT_FAILURE;
  }
}
