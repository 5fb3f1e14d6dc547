import { userInfo } from "node:os";
import { basename } from "node:path";
import { SingleBar } from "cli-progress";
import type { Command } from "commander";
import { parseCsvMapping, parseMappedCsv } from "../formats/csv-mapped.ts";
import { parseFtmJsonl } from "../formats/ftm-jsonl.ts";
import { OFAC_DATASET, readOfacPath } from "../formats/ofac-sdn-csv.ts";
import { readTextFile } from "../formats/text.ts";
import { parseUnConsolidatedXml, UN_DATASET } from "../formats/un-consolidated-xml.ts";
import { type FtmEntity, type Handling, isHandling } from "../model/entity.ts";
import { badInput } from "../platform/errors.ts";
import { type ImportResult, importEntities } from "../registry/import.ts";
import { printRecord } from "./output.ts";
import { withStore } from "./store.ts";

interface ImportOptions {
  json?: boolean;
  dataset?: string;
  actor?: string;
  originator?: string;
  handling?: string;
}

/** Imports below this size finish in about a second, so they get no progress bar. */
const PROGRESS_THRESHOLD = 5000;

export function registerImportCommands(program: Command): void {
  const command = program
    .command("import")
    .description("import an edition of a list into the registry (one transaction)");
  const sub = (name: string, description: string) =>
    command
      .command(name)
      .description(description)
      .option(
        "--dataset <name>",
        "the list this file is an edition of (entities missing from it get delisted)",
      )
      .option("--actor <name>", "who imports, recorded on every version", `cli:${userInfo().username}`)
      .option("--originator <agency>", "agency id for new entities", "local")
      .option("--handling <code>", "TLP handling for new entities: CLEAR, GREEN, AMBER, AMBER+STRICT, RED")
      .option("--json", "print the counts as JSON");

  sub("un <file>", "UN Security Council Consolidated List XML").action(
    (file: string, options: ImportOptions) =>
      runImport("un", file, UN_DATASET, () => parseUnConsolidatedXml(readTextFile(file), file), options),
  );
  sub("ofac <path>", "OFAC SDN legacy CSV: the sdn file or the folder holding sdn, alt and add files").action(
    (path: string, options: ImportOptions) =>
      runImport("ofac", path, OFAC_DATASET, () => readOfacPath(path), options),
  );
  sub("ftm <file>", "FollowTheMoney JSON Lines").action((file: string, options: ImportOptions) =>
    runImport("ftm", file, datasetFromFileName(file), () => parseFtmJsonl(readTextFile(file), file), options),
  );
  sub("csv <file>", "a national list in CSV, described by a YAML column mapping")
    .requiredOption("--map <mapping.yaml>", "the column mapping")
    .action((file: string, options: ImportOptions & { map: string }) => {
      const mapping = parseCsvMapping(readTextFile(options.map), options.map);
      return runImport(
        "csv",
        file,
        mapping.dataset,
        () => parseMappedCsv(readTextFile(file), file, mapping),
        options,
      );
    });
}

/** Parses first (bad input fails before the store is opened), then imports in one transaction. */
async function runImport(
  source: string,
  file: string,
  defaultDataset: string,
  parse: () => FtmEntity[],
  options: ImportOptions,
): Promise<void> {
  const handling = options.handling === undefined ? undefined : parseHandling(options.handling);
  const entities = parse();
  // Progress on stderr, only for a person watching a terminal, and only once the store is open.
  const bar = process.stderr.isTTY && entities.length > PROGRESS_THRESHOLD ? new SingleBar({}) : undefined;
  let result: ImportResult;
  try {
    result = await withStore((store) => {
      bar?.start(entities.length, 0);
      return importEntities(store.db, {
        source,
        dataset: options.dataset ?? defaultDataset,
        file,
        actor: options.actor ?? "cli",
        originator: options.originator,
        handling,
        entities,
        onProgress: (done) => bar?.update(done),
      });
    });
  } finally {
    bar?.stop();
  }
  const { added, updated, unchanged, delisted } = result;
  printRecord({ added, updated, unchanged, delisted }, options);
}

function parseHandling(code: string): Handling {
  if (!isHandling(code)) throw badInput(`unknown handling code "${code}"`, "--handling");
  return code;
}

/** `yente_t1_entities.ftm.jsonl` → `yente_t1_entities`. */
function datasetFromFileName(file: string): string {
  return basename(file)
    .replace(/(\.ftm)?\.jsonl?$/i, "")
    .toLowerCase()
    .replace(/[^a-z0-9_-]+/g, "-");
}
