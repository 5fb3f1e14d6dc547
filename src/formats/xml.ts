import { XMLParser, XMLValidator } from "fast-xml-parser";
import { badInput } from "../platform/errors.ts";
import { lineAt } from "./text.ts";

/** An XML element as parsed here: every child name maps to a list of elements or texts (attributes dropped). */
export interface XmlElement {
  [name: string]: (XmlElement | string)[];
}

const META = XMLParser.getMetaDataSymbol() as unknown as symbol;

const parser = new XMLParser({
  ignoreAttributes: true,
  parseTagValue: false, // keep numbers as text: document numbers have leading zeros
  htmlEntities: true, // decode numeric character references (&#x2019;) as XML requires
  isArray: () => true, // one shape for single and repeated elements
  captureMetaData: true, // start offsets, so errors found after parsing can still name a line
});

/**
 * Parses well-formed XML. Malformed or truncated input is bad input at `FILE:LINE` with the validator's
 * reason; the document element must be `root`.
 */
export function parseXml(text: string, file: string, root: string): XmlElement {
  if (!text.trim()) throw badInput("empty file, expected XML", `${file}:1`);
  const verdict = XMLValidator.validate(text);
  if (verdict !== true) {
    throw badInput(`malformed XML: ${verdict.err.msg}`, `${file}:${verdict.err.line}`);
  }
  const document = parser.parse(text) as XmlElement;
  const top = Object.keys(document).filter((name) => !name.startsWith("?"));
  const element = document[root]?.[0];
  if (top.length !== 1 || typeof element !== "object") {
    throw badInput(`expected the document element <${root}>, found <${top.join(">, <")}>`, `${file}:1`);
  }
  return element;
}

/** The child elements called `name` (empty elements count as none). */
export function childElements(element: XmlElement, name: string): XmlElement[] {
  return (element[name] ?? []).filter((child): child is XmlElement => typeof child === "object");
}

/** The trimmed, non-empty texts of the children called `name`. */
export function childTexts(element: XmlElement, name: string): string[] {
  const texts: string[] = [];
  for (const child of element[name] ?? []) {
    const value = typeof child === "string" ? child.trim() : "";
    if (value) texts.push(value);
  }
  return texts;
}

export function childText(element: XmlElement, name: string): string | undefined {
  return childTexts(element, name)[0];
}

/** The line an element starts on, for error messages after parsing. */
export function elementLine(text: string, element: XmlElement): number | undefined {
  const meta = (element as unknown as Record<symbol, { startIndex?: number } | undefined>)[META];
  return meta?.startIndex === undefined ? undefined : lineAt(text, meta.startIndex);
}
