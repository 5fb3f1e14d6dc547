#!/usr/bin/env node
// Runs the TypeScript CLI through tsx so `npx ftfx` works right after `npm install`, with no build step.
import { spawnSync } from "node:child_process";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const require = createRequire(import.meta.url);
const tsxLoader = require.resolve("tsx");
const result = spawnSync(
  process.execPath,
  // A larger young generation: matching allocates many short-lived objects, and fewer scavenges
  // shorten long imports and screening runs (see docs/architecture.md, "Runtime").
  [
    "--max-semi-space-size=32",
    "--import",
    tsxLoader,
    join(root, "src/cli/main.ts"),
    ...process.argv.slice(2),
  ],
  { stdio: "inherit" },
);
process.exit(result.status ?? 1);
