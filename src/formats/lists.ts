import { existsSync, statSync } from "node:fs";
import { basename, extname } from "node:path";
import type { FtmEntity } from "../model/entity.ts";
import { badInput } from "../platform/errors.ts";
import { parseFtmJsonl } from "./ftm-jsonl.ts";
import { OFAC_DATASET, readOfacPath } from "./ofac-sdn-csv.ts";
import { readTextFile } from "./text.ts";
import { parseUnConsolidatedXml, UN_DATASET } from "./un-consolidated-xml.ts";

export type ListFormat = "un-xml" | "ofac-csv" | "ftm-jsonl";

export interface ListFile {
  format: ListFormat;
  /** The list this file is an edition of (for FtM files: the file name without its extensions). */
  dataset: string;
  entities: FtmEntity[];
}

/**
 * Reads a list file of any supported format, telling the format apart: a folder or a `.csv` file is the OFAC
 * SDN CSV, `.jsonl`/`.json` is FtM JSON Lines, and XML whose document element is CONSOLIDATED_LIST (or any
 * `.xml` file, which then fails with the UN parser's reason) is the UN list.
 */
export function readListFile(path: string): ListFile {
  if (!existsSync(path)) throw badInput(`file not found: ${path}`, path);
  const extension = extname(path).toLowerCase();
  if (statSync(path).isDirectory() || extension === ".csv") {
    return { format: "ofac-csv", dataset: OFAC_DATASET, entities: readOfacPath(path) };
  }
  const text = readTextFile(path);
  if (extension === ".jsonl" || extension === ".json") {
    return { format: "ftm-jsonl", dataset: datasetFromFileName(path), entities: parseFtmJsonl(text, path) };
  }
  if (extension === ".xml" || /^\s*<[\s\S]{0,2000}<CONSOLIDATED_LIST[\s>]/.test(text.slice(0, 4000))) {
    return { format: "un-xml", dataset: UN_DATASET, entities: parseUnConsolidatedXml(text, path) };
  }
  throw badInput(
    "cannot tell the list format: expected the UN consolidated list XML, an OFAC SDN CSV (or its folder), or FtM JSON Lines (.jsonl)",
    path,
  );
}

/** `yente_t1_entities.ftm.jsonl` → `yente_t1_entities`. */
function datasetFromFileName(path: string): string {
  return basename(path)
    .replace(/(\.ftm)?\.jsonl?$/i, "")
    .toLowerCase()
    .replace(/[^a-z0-9_-]+/g, "-");
}
