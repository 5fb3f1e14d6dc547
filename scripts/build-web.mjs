// Builds the web console into dist/web when its sources are newer than the last build, so `npm start`
// and `npm test` on a fresh clone serve a current console without a manual step (a no-op otherwise).
import { existsSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const repo = fileURLToPath(new URL("..", import.meta.url));
const web = join(repo, "web");
const builtIndex = join(repo, "dist", "web", "index.html");

function newestMtime(path) {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const name of readdirSync(path)) newest = Math.max(newest, newestMtime(join(path, name)));
  return newest;
}

const force = process.argv.includes("--force");
const builtAt = existsSync(builtIndex) ? statSync(builtIndex).mtimeMs : 0;
if (!force && builtAt > newestMtime(web)) process.exit(0);

const { build } = await import("vite");
const started = Date.now();
await build({ configFile: join(web, "vite.config.ts"), logLevel: "warn" });
console.error(`web console built into dist/web in ${((Date.now() - started) / 1000).toFixed(1)} s`);
