import { XMLParser, XMLValidator } from "fast-xml-parser";
import { badInput } from "../platform/errors.ts";

/**
 * A namespace-resolved XML element tree for ISO 20022 messages. Messages come with default namespaces,
 * prefixed ones (`pacs:Document`) or wrapped in a SWIFT envelope; resolving prefixes once here lets the
 * message parser navigate by local name and still know which namespace (message and version) it is in.
 */
export interface XmlElement {
  /** Local name, without prefix. */
  name: string;
  /** Resolved namespace URI, if any is in scope. */
  ns: string | undefined;
  /** Element path from the root, e.g. `Document/CstmrCdtTrfInitn/PmtInf[2]/Dbtr`, for error messages. */
  path: string;
  attrs: Record<string, string>;
  text: string;
  children: XmlElement[];
}

type OrderedNode = Record<string, unknown>;

const parser = new XMLParser({
  preserveOrder: true,
  ignoreAttributes: false,
  attributeNamePrefix: "",
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: true,
  ignoreDeclaration: true,
  ignorePiTags: true,
});

/** Parses well-formed XML into the root element; malformed XML fails naming file, line and column. */
export function parseXmlTree(xml: string, file: string): XmlElement {
  const source = xml.replace(/^\uFEFF/, "");
  // ISO 20022 messages never declare a DTD; refusing one rules out entity-expansion attacks on the API.
  const doctype = source.search(/<!DOCTYPE/i);
  if (doctype >= 0) {
    throw badInput(
      "DOCTYPE declarations are not allowed",
      `${file}:${source.slice(0, doctype).split("\n").length}`,
    );
  }
  const valid = XMLValidator.validate(source);
  if (valid !== true) throw badInput(`malformed XML: ${valid.err.msg}`, `${file}:${valid.err.line}`);
  const roots = (parser.parse(source) as OrderedNode[]).filter((node) => elementTag(node) !== undefined);
  const [root] = roots;
  if (!root || roots.length > 1) throw badInput("XML must have exactly one root element", file);
  return toElement(root, new Map(), undefined);
}

function elementTag(node: OrderedNode): string | undefined {
  return Object.keys(node).find((key) => key !== ":@" && key !== "#text" && !key.startsWith("?"));
}

/** `path` is this element's own path with its sibling index; undefined for the root. */
function toElement(
  node: OrderedNode,
  scope: ReadonlyMap<string, string>,
  path: string | undefined,
): XmlElement {
  const tag = elementTag(node) as string;
  const attrs = (node[":@"] as Record<string, string> | undefined) ?? {};
  let inScope = scope;
  for (const [key, value] of Object.entries(attrs)) {
    if (key !== "xmlns" && !key.startsWith("xmlns:")) continue;
    if (inScope === scope) inScope = new Map(scope); // copy only where a declaration changes the scope
    (inScope as Map<string, string>).set(key === "xmlns" ? "" : key.slice(6), value);
  }
  const colon = tag.indexOf(":");
  const prefix = colon < 0 ? "" : tag.slice(0, colon);
  const name = colon < 0 ? tag : tag.slice(colon + 1);
  const ownPath = path ?? name;
  let text = "";
  const childNodes: { node: OrderedNode; local: string }[] = [];
  const nameCounts = new Map<string, number>();
  for (const part of (node[tag] as OrderedNode[]) ?? []) {
    const childTag = elementTag(part);
    if (childTag === undefined) {
      if (part["#text"] !== undefined) text += String(part["#text"]);
      continue;
    }
    const local = localName(childTag);
    childNodes.push({ node: part, local });
    nameCounts.set(local, (nameCounts.get(local) ?? 0) + 1);
  }
  const seen = new Map<string, number>();
  const children = childNodes.map(({ node: child, local }) => {
    const index = (seen.get(local) ?? 0) + 1;
    seen.set(local, index);
    const step = (nameCounts.get(local) ?? 0) > 1 ? `${local}[${index}]` : local;
    return toElement(child, inScope, `${ownPath}/${step}`);
  });
  return { name, ns: inScope.get(prefix), path: ownPath, attrs, text, children };
}

function localName(tag: string): string {
  return tag.slice(tag.indexOf(":") + 1);
}
