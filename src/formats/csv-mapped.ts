import { parseDocument } from "yaml";
import { z } from "zod";
import { addValues, type FtmEntity, type Properties } from "../model/entity.ts";
import { getSchema, schemaHasProperty, validateEntity } from "../model/schema.ts";
import { badInput } from "../platform/errors.ts";
import { stableId } from "../platform/ids.ts";
import { countryCodeOrName } from "./countries.ts";
import { type CsvRecord, readCsvRecords } from "./csv.ts";
import { isoDate, parseLooseDate } from "./dates.ts";

/**
 * A national list as CSV with a header row, described by a YAML column mapping (see docs/formats.md and
 * docs/examples/national-list.mapping.yaml): which FtM schema every row is, which column(s) identify a row,
 * and which FtM properties each column fills.
 */
export interface CsvMapping {
  dataset: string;
  schema: string;
  /** The row's id comes from one column, or is hashed from several key columns. */
  id: { column: string } | { keys: string[] };
  listRef?: string;
  delimiter: string;
  columns: ColumnMapping[];
}

export interface ColumnMapping {
  column: string;
  properties: string[];
  /** Splits a cell into several values (e.g. "|" for a list of aliases). */
  separator?: string;
}

const propertyList = z.union([z.string().min(1), z.array(z.string().min(1)).min(1)]);
const mappingFile = z.strictObject({
  dataset: z.string().regex(/^[a-z0-9][a-z0-9_-]*$/, "lowercase letters, digits, - and _ only"),
  schema: z.string().min(1),
  id: z.union([
    z.strictObject({ column: z.string().min(1) }),
    z.strictObject({ keys: z.array(z.string().min(1)).min(1) }),
  ]),
  listRef: z.string().min(1).optional(),
  delimiter: z.string().length(1).default(","),
  separator: z.string().min(1).optional(),
  columns: z.record(
    z.string(),
    z.union([
      propertyList,
      z.strictObject({ property: propertyList, separator: z.string().min(1).optional() }),
    ]),
  ),
});

/** Reads and checks a mapping; every mistake is bad input naming `FILE:LINE` or the mapping field. */
export function parseCsvMapping(yamlText: string, file: string): CsvMapping {
  const document = parseDocument(yamlText);
  const yamlError = document.errors[0];
  if (yamlError) {
    const line = yamlError.linePos?.[0].line;
    throw badInput(`bad YAML: ${yamlError.message.split("\n")[0]}`, line ? `${file}:${line}` : file);
  }
  const parsed = mappingFile.safeParse(document.toJS());
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw badInput(
      `bad column mapping: ${issue?.message}`,
      `${file}: ${issue?.path.join(".") || "(top level)"}`,
    );
  }
  const { dataset, schema, id, listRef, delimiter, separator, columns } = parsed.data;
  const ftmSchema = getSchema(schema, `${file}: schema`);
  if (ftmSchema.abstract) throw badInput(`FtM schema "${schema}" is abstract`, `${file}: schema`);
  const mapping: CsvMapping = { dataset, schema, id, delimiter, columns: [] };
  if (listRef) mapping.listRef = listRef;
  for (const [column, target] of Object.entries(columns)) {
    const spec = typeof target === "object" && !Array.isArray(target) ? target : { property: target };
    const properties = typeof spec.property === "string" ? [spec.property] : spec.property;
    for (const property of properties) {
      if (!schemaHasProperty(schema, property)) {
        throw badInput(`unknown property "${property}" for schema ${schema}`, `${file}: columns.${column}`);
      }
    }
    const columnSeparator = ("separator" in spec && spec.separator) || separator;
    mapping.columns.push(
      columnSeparator ? { column, properties, separator: columnSeparator } : { column, properties },
    );
  }
  if (mapping.columns.length === 0) throw badInput("the mapping names no columns", `${file}: columns`);
  return mapping;
}

/** Turns each data row into one entity of the mapping's schema, in the dataset the mapping names. */
export function parseMappedCsv(text: string, file: string, mapping: CsvMapping): FtmEntity[] {
  const [header, ...rows] = readCsvRecords(text, file, mapping.delimiter);
  if (!header) throw badInput("empty file, expected a header row", `${file}:1`);
  const index = headerIndex(header, file, mapping);
  const keyColumns = "column" in mapping.id ? [mapping.id.column] : mapping.id.keys;
  const converters = mapping.columns.map((column) => ({
    ...column,
    at: index.get(column.column) as number,
    convert: column.properties.map((property) => converterFor(mapping.schema, property)),
  }));
  const firstLine = new Map<string, number>();
  const entities: FtmEntity[] = [];
  for (const row of rows) {
    const where = `${file}:${row.line}`;
    if (row.fields.length !== header.fields.length) {
      throw badInput(
        `expected ${header.fields.length} columns as in the header, found ${row.fields.length}`,
        where,
      );
    }
    const cell = (column: string) => row.fields[index.get(column) as number]?.trim() ?? "";
    const keys = keyColumns.map(cell);
    const emptyKey = keyColumns.find((_, i) => !keys[i]);
    if (emptyKey) throw badInput(`the id column "${emptyKey}" is empty`, where);
    const id = stableId(mapping.dataset, ...keys);
    const earlier = firstLine.get(id);
    if (earlier) throw badInput(`row has the same id (${keyColumns.join(", ")}) as line ${earlier}`, where);
    firstLine.set(id, row.line);
    const properties: Properties = {};
    for (const column of converters) {
      const raw = row.fields[column.at]?.trim() ?? "";
      const values = column.separator ? raw.split(column.separator) : [raw];
      column.properties.forEach((property, i) => {
        for (const value of values.map((v) => v.trim()).filter(Boolean)) {
          addValues(properties, property, column.convert[i]?.(value, `${where}: column "${column.column}"`));
        }
      });
    }
    const entity: FtmEntity = { id, schema: mapping.schema, properties, datasets: [mapping.dataset] };
    const listRef = mapping.listRef ? cell(mapping.listRef) : "";
    if (listRef) entity.listRef = listRef;
    validateEntity(entity, where);
    entities.push(entity);
  }
  return entities;
}

/** Header name → position; every column the mapping names must be there. */
function headerIndex(header: CsvRecord, file: string, mapping: CsvMapping): Map<string, number> {
  const index = new Map<string, number>();
  header.fields.forEach((name, i) => {
    const column = name.trim();
    if (index.has(column))
      throw badInput(`the header names column "${column}" twice`, `${file}:${header.line}`);
    index.set(column, i);
  });
  const keyColumns = "column" in mapping.id ? [mapping.id.column] : mapping.id.keys;
  const named = [
    ...keyColumns,
    ...(mapping.listRef ? [mapping.listRef] : []),
    ...mapping.columns.map((c) => c.column),
  ];
  for (const column of named) {
    if (!index.has(column)) {
      const found = [...index.keys()].join(", ");
      throw badInput(
        `column "${column}" named in the mapping is not in the header (found: ${found})`,
        `${file}:1`,
      );
    }
  }
  return index;
}

type Converter = (value: string, where: string) => string;

/** Values are checked against the FtM property type: countries become codes, dates ISO, genders FtM words. */
function converterFor(schema: string, property: string): Converter {
  const type = getSchema(schema).getProperty(property).type.name;
  if (type === "country") {
    return (value, where) => {
      const code = countryCodeOrName(value);
      if (!code) throw badInput(`unknown country "${value}"`, where);
      return code;
    };
  }
  if (type === "date") {
    return (value, where) => {
      const date = isoDate(value) ?? parseLooseDate(value);
      if (!date)
        throw badInput(`"${value}" is not a date (use YYYY-MM-DD, YYYY-MM, YYYY or 02 Mar 1975)`, where);
      return date;
    };
  }
  if (type === "gender") {
    return (value, where) => {
      const gender = { m: "male", f: "female" }[value.toLowerCase()] ?? value.toLowerCase();
      if (!["male", "female", "other"].includes(gender)) throw badInput(`unknown gender "${value}"`, where);
      return gender;
    };
  }
  return (value) => value;
}
