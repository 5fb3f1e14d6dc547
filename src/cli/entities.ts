import type { Command } from "commander";
import { ENTITY_STATUSES, type EntityStatus, type RegistryEntity } from "../model/entity.ts";
import { badInput } from "../platform/errors.ts";
import { type EntityVersion, entityHistory } from "../registry/history.ts";
import { registryMatchIndex } from "../registry/live-index.ts";
import { getEntity, listEntities } from "../registry/queries.ts";
import { type OutputOptions, printList, printRecord } from "./output.ts";
import { withStore } from "./store.ts";

interface ListOptions extends OutputOptions {
  schema?: string;
  dataset?: string;
  status?: string;
  limit: string;
  offset: string;
}

const LIST_COLUMNS = ["id", "schema", "caption", "status", "datasets", "version"];

export function registerEntityCommands(program: Command): void {
  const command = program.command("entities").description("browse the registry");
  command
    .command("list")
    .description("list entities in caption order")
    .option("--schema <schema>", "only this FtM schema, e.g. Person")
    .option("--dataset <dataset>", "only entities in this dataset")
    .option("--status <status>", "only active, delisted or withdrawn entities")
    .option("--limit <n>", "how many", "50")
    .option("--offset <n>", "how many to skip", "0")
    .option("--json", "print JSON Lines")
    .action(async (options: ListOptions) => {
      const query = {
        schema: options.schema,
        dataset: options.dataset,
        status: options.status === undefined ? undefined : parseStatus(options.status),
        limit: parseCount(options.limit, "--limit"),
        offset: parseCount(options.offset, "--offset"),
      };
      const page = await withStore((store) => listEntities(store.db, query));
      printList(page.items.map(listRow(options)), options, LIST_COLUMNS);
      if (!options.json) process.stderr.write(`${page.items.length} of ${page.total}\n`);
    });
  command
    .command("show <id>")
    .description("one entity with all its properties")
    .option("--json", "print JSON")
    .action(async (id: string, options: OutputOptions) => {
      const entity = await withStore((store) => getEntity(store.db, id));
      if (options.json) return printRecord({ ...entity }, options);
      const { properties, ...meta } = entity;
      const props = Object.fromEntries(
        Object.entries(properties).map(([name, values]) => [name, values.join("; ")]),
      );
      printRecord({ ...meta, datasets: entity.datasets.join(", "), ...props }, options);
    });
  command
    .command("history <id>")
    .description("who changed what and when")
    .option("--json", "print JSON Lines")
    .action(async (id: string, options: OutputOptions) => {
      const history = await withStore((store) => entityHistory(store.db, id));
      const rows = history.map(
        (v): Record<string, unknown> => (options.json ? { ...v } : { ...v, what: describeChange(v) }),
      );
      printList(rows, options, ["version", "at", "actor", "change", "what"]);
    });
  command
    .command("search <text>")
    .description("find registry entities by name with the matching engine (any script, variants, typos)")
    .option("--limit <n>", "how many", "20")
    .option("--json", "print JSON Lines")
    .action(async (text: string, options: OutputOptions & { limit: string }) => {
      if (!text.trim()) throw badInput("search text is empty", "TEXT");
      const limit = parseCount(options.limit, "--limit");
      const found = await withStore(async (store) =>
        (await registryMatchIndex(store.db)).search({ name: text }, limit),
      );
      const rows = found.map((m) =>
        options.json
          ? { ...m }
          : {
              id: m.entityId,
              caption: m.caption,
              listRef: m.listRef,
              score: m.score.toFixed(3),
              alert: m.alert,
            },
      );
      printList(rows, options, ["id", "caption", "listRef", "score", "alert"]);
    });
}

/** JSON Lines carry the whole entity; tables only what fits on a line. */
function listRow(options: OutputOptions): (entity: RegistryEntity) => Record<string, unknown> {
  return (entity) => (options.json ? { ...entity } : { ...entity, datasets: entity.datasets.join(", ") });
}

/** One line per version: property values added (+) and removed (−), then other fields before → after. */
function describeChange(version: EntityVersion): string {
  if (version.change === "created") return `${version.properties.length} properties`;
  const props = version.properties.map(
    (p) => `${p.property} ${[...p.added.map((v) => `+${v}`), ...p.removed.map((v) => `−${v}`)].join(" ")}`,
  );
  const fields = version.fields.map((f) => `${f.field} ${String(f.before ?? "")} → ${String(f.after ?? "")}`);
  return [...props, ...fields].join("; ");
}

export function parseStatus(value: string): EntityStatus {
  const status = ENTITY_STATUSES.find((s) => s === value);
  if (!status)
    throw badInput(`unknown status "${value}" (expected ${ENTITY_STATUSES.join(", ")})`, "--status");
  return status;
}

function parseCount(value: string, option: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) throw badInput(`expected a whole number, got "${value}"`, option);
  return n;
}
