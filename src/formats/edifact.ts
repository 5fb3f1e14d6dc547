/**
 * A small UN/EDIFACT reader for airline messages (PAXLST, PNRGOV): the service string advice (UNA), the
 * release character, segments, data elements and components, and the interchange envelope
 * (UNB … UNH … UNT … UNZ). Segments are numbered from UNB = 1 and carry the line they start on, so every
 * error can say `FILE:LINE segment N (TAG): reason`.
 *
 * Line breaks are never data in EDIFACT: senders wrap long messages at a fixed width, even inside a
 * name, so they are dropped wherever they fall. Spaces before a segment tag are dropped too.
 */
import { badInput, type FtfxError } from "../platform/errors.ts";
import { readYearFirst } from "./travel-dates.ts";

export interface Separators {
  component: string;
  element: string;
  decimal: string;
  release: string;
  repetition: string;
  terminator: string;
}

export const DEFAULT_SEPARATORS: Separators = {
  component: ":",
  element: "+",
  decimal: ".",
  release: "?",
  repetition: " ",
  terminator: "'",
};

export interface Segment {
  /** Position in the interchange, UNB = 1 (the UNA advice is not a segment). */
  n: number;
  /** Line of the file on which the segment starts. */
  line: number;
  tag: string;
  /** Data elements after the tag, each a list of components; released characters are unescaped. */
  elements: string[][];
}

export interface Tokenized {
  separators: Separators;
  segments: Segment[];
}

/** Where a segment is, for `badInput`. */
export function segmentWhere(file: string, segment: Segment): string {
  return `${file}:${segment.line} segment ${segment.n} (${segment.tag})`;
}

export function segmentError(file: string, segment: Segment, reason: string): FtfxError {
  return badInput(reason, segmentWhere(file, segment));
}

/** Component `component` of data element `element` (both from 0), trimmed; undefined when empty. */
export function value(segment: Segment, element: number, component = 0): string | undefined {
  const text = segment.elements[element]?.[component]?.trim();
  return text === undefined || text === "" ? undefined : text;
}

/** A count or measure in a segment: a non-negative decimal number, else an error naming the segment. */
export function segmentNumber(
  file: string,
  segment: Segment,
  text: string | undefined,
  what: string,
): number {
  if (text === undefined || !/^\d+(\.\d+)?$/.test(text)) {
    throw segmentError(file, segment, `${what} "${text ?? ""}" is not a number`);
  }
  return Number(text);
}

const LINE_BREAK = /[\r\n]/;

/** Reads the UNA advice if the text starts with one; returns the separators and where segments begin. */
function readServiceAdvice(text: string, file: string): { separators: Separators; start: number } {
  const start = text.length - text.trimStart().length;
  if (!text.startsWith("UNA", start)) return { separators: DEFAULT_SEPARATORS, start };
  const advice = text.slice(start + 3, start + 9);
  const cut = advice.search(LINE_BREAK);
  if (cut !== -1) {
    // Seen in the wild: "UNA:+\*'" with the decimal mark left out. Its separators are the defaults, so
    // reading it as the defaults (as GTAS does) loses nothing; any other short advice is unreadable.
    const shown = advice.slice(0, cut);
    if (shown.startsWith(":+") && shown.endsWith("'")) {
      return { separators: DEFAULT_SEPARATORS, start: start + 3 + cut };
    }
    throw badInput(
      `service string advice UNA has ${cut} characters before the line break; it needs 6 (component, element, decimal, release, reserved, terminator)`,
      `${file}:1 UNA`,
    );
  }
  if (advice.length < 6) throw badInput("service string advice UNA is cut short", `${file}:1 UNA`);
  const [component, element, decimal, release, repetition, terminator] = [...advice] as [
    string,
    string,
    string,
    string,
    string,
    string,
  ];
  if (new Set([component, element, release, terminator]).size < 4) {
    throw badInput(
      `service string advice UNA${advice} uses one character for two separators`,
      `${file}:1 UNA`,
    );
  }
  return {
    separators: { component, element, decimal, release, repetition, terminator },
    start: start + 9,
  };
}

/** Splits an interchange into numbered segments. Throws `badInput` when the text cannot be segmented. */
export function tokenize(text: string, file: string): Tokenized {
  const body = text.replace(/^\uFEFF/, "");
  const { separators, start } = readServiceAdvice(body, file);
  const { component, element, release, terminator } = separators;
  const segments: Segment[] = [];
  let elements: string[][] = [];
  let components: string[] = [];
  let current = "";
  let line = 1 + (body.slice(0, start).match(/\n/g)?.length ?? 0);
  let segmentLine = line;
  let segmentStart = -1;

  const finish = () => {
    components.push(current);
    elements.push(components);
    const [tagPart, ...data] = elements;
    const segment = {
      n: segments.length + 1,
      line: segmentLine,
      tag: (tagPart?.[0] ?? "").trim(),
      elements: data,
    };
    segments.push(segment);
    elements = [];
    components = [];
    current = "";
    segmentStart = -1;
    return segment;
  };

  // Runs of ordinary characters are copied as slices, not one character at a time.
  let from = start;
  const flush = (to: number) => {
    if (to > from) current += body.slice(from, to);
  };
  for (let i = start; i < body.length; i++) {
    const c = body[i];
    if (c === "\n" || c === "\r") {
      flush(i);
      from = i + 1;
      if (c === "\n") line++;
      continue;
    }
    if (segmentStart === -1) {
      if (c === " " || c === "\t") {
        from = i + 1;
        continue;
      }
      segmentStart = i;
      segmentLine = line;
    }
    if (c !== release && c !== component && c !== element && c !== terminator) continue;
    flush(i);
    from = i + 1;
    if (c === release) {
      // The released character may sit after a line break: wrapping can fall anywhere.
      let next = i + 1;
      while (body[next] === "\r" || body[next] === "\n") {
        if (body[next] === "\n") line++;
        next++;
      }
      const released = body[next];
      if (released === undefined) {
        throw badInput(
          `release character ${release} ends the text; it must precede the character it releases`,
          `${file}:${line} segment ${segments.length + 1}`,
        );
      }
      current += released;
      i = next;
      from = next + 1;
    } else if (c === component) {
      components.push(current);
      current = "";
    } else if (c === element) {
      components.push(current);
      elements.push(components);
      components = [];
      current = "";
    } else {
      const segment = finish();
      if (terminator === "'" && segment.elements.some((e) => e.some((part) => part.includes("\u2019")))) {
        throw segmentError(
          file,
          segment,
          "contains a typographic apostrophe ’ (U+2019) where the segment terminator ' belongs; the text was probably copied from a word processor",
        );
      }
    }
  }
  flush(body.length);
  if (segmentStart !== -1)
    readUnterminatedTail(body.slice(segmentStart), terminator, file, segmentLine, segments, finish);
  return { separators, segments };
}

/**
 * A final segment without its terminator is accepted only when it is the last line of the file: without
 * a terminator nothing proves that the next line continues it, so further text is an error.
 */
function readUnterminatedTail(
  tail: string,
  terminator: string,
  file: string,
  tailLine: number,
  segments: Segment[],
  finish: () => Segment,
): void {
  const lines = tail.split(/\r?\n/);
  const rest = lines.slice(1).join(" ").trim();
  if (rest !== "") {
    const extraLine = tailLine + lines.findIndex((l, i) => i > 0 && l.trim() !== "");
    const tag = (lines[0] ?? "").trim().slice(0, 3);
    throw badInput(
      `text "${rest.slice(0, 40)}" follows the last segment (${tag}), which lacks its terminator ${terminator}`,
      `${file}:${extraLine} segment ${segments.length + 2}`,
    );
  }
  finish();
}

export interface MessageType {
  type: string;
  version: string;
  release: string;
}

export interface Interchange {
  file: string;
  separators: Separators;
  sender?: string;
  recipient?: string;
  /** UNB preparation date, `YYYY-MM-DD`. */
  preparedOn: string;
  /** Year of preparation: the reference for two-digit years in the message. */
  referenceYear: number;
  /** The UNH segment. */
  header: Segment;
  messageRef?: string;
  messageType: MessageType;
  /** The segments between UNH and UNT. */
  body: Segment[];
}

const TAG = /^[A-Z][A-Z0-9]{2}$/;

/**
 * Reads the envelope of an interchange holding one message: UNB, optional UNG/UNE, UNH … UNT, UNZ.
 * Control counts and references are not enforced: real senders get them wrong and they carry no data.
 */
export function readInterchange(text: string, file: string): Interchange {
  const { separators, segments } = tokenize(text, file);
  const first = segments[0];
  if (first === undefined) throw badInput("no EDIFACT segments found", file);
  const trailer = segments.findIndex((s) => s.tag === "UNZ");
  const afterTrailer = trailer === -1 ? undefined : segments[trailer + 1];
  if (afterTrailer) {
    throw segmentError(file, afterTrailer, `text after the interchange trailer UNZ (segment ${trailer + 1})`);
  }
  for (const segment of segments) {
    if (!TAG.test(segment.tag)) {
      throw segmentError(file, segment, "not a segment tag (three capital letters or digits expected)");
    }
  }
  if (first.tag !== "UNB") throw segmentError(file, first, "an interchange starts with UNB");
  const last = segments[segments.length - 1] ?? first;
  if (trailer === -1)
    throw segmentError(file, last, "the interchange ends without its trailer UNZ (truncated?)");

  const headers = segments.filter((s) => s.tag === "UNH");
  const header = headers[0];
  if (header === undefined) throw segmentError(file, first, "the interchange holds no message (UNH)");
  const second = headers[1];
  if (second) {
    throw segmentError(
      file,
      second,
      `second message in one interchange; send one message (UNH … UNT) per file`,
    );
  }
  const headerIndex = segments.indexOf(header);
  const messageTrailer = segments.findIndex((s, i) => i > headerIndex && s.tag === "UNT");
  if (messageTrailer === -1) throw segmentError(file, last, "the message has no trailer UNT (truncated?)");
  for (const segment of [...segments.slice(1, headerIndex), ...segments.slice(messageTrailer + 1, trailer)]) {
    if (segment.tag !== "UNG" && segment.tag !== "UNE") {
      throw segmentError(file, segment, "segment outside the message (between UNB/UNG and UNH or after UNT)");
    }
  }

  const preparation = value(first, 3) ?? "";
  const preparedOn = readYearFirst(preparation, 2000, "near");
  if (preparedOn === undefined) {
    throw segmentError(file, first, `preparation date "${preparation}" is not a date YYMMDD`);
  }
  const messageType = {
    type: value(header, 1, 0) ?? "",
    version: value(header, 1, 1) ?? "",
    release: value(header, 1, 2) ?? "",
  };
  if (messageType.type === "") throw segmentError(file, header, "message header UNH names no message type");
  return {
    file,
    separators,
    sender: value(first, 1),
    recipient: value(first, 2),
    preparedOn,
    referenceYear: Number(preparedOn.slice(0, 4)),
    header,
    messageRef: value(header, 0),
    messageType,
    body: segments.slice(headerIndex + 1, messageTrailer),
  };
}
