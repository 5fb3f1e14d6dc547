import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";

/** The public test data staged beside the repository (../shared/data); never copied into the repo. */
export const SHARED_DATA = fileURLToPath(new URL("../../../shared/data/", import.meta.url));

export function dataPath(relative: string): string {
  const path = `${SHARED_DATA}${relative}`;
  if (!existsSync(path)) throw new Error(`test data missing: ${path} (is ../shared beside the repo?)`);
  return path;
}
