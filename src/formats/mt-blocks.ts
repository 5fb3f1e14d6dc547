import { badInput } from "../platform/errors.ts";

/**
 * SWIFT FIN framing, whatever the message type: blocks {1:} basic header, {2:} application header,
 * {3:} user header, {4:} text, then trailers. A file holds one message or an RJE batch separated by `$`;
 * an ACK/NAK service message (F21, field 451) in front of a message is folded into that message.
 */
export interface MtField {
  /** Tag with option letter, e.g. `32A`, `59`. */
  tag: string;
  /** The field's lines joined with `\n`. */
  value: string;
  /** 1-based line in the file where the field starts. */
  line: number;
}

export interface MtMessage {
  /** 1-based line of the message's block 1. */
  line: number;
  /** Block 2 content, e.g. `O1031610191014BBBBUS3NBXXX…N` or `I103BBBBUS33XXXXN`. */
  applicationHeader: string;
  /** Block 3 fields, e.g. `121` → UETR, `108` → message user reference. */
  userHeader: Map<string, string>;
  fields: MtField[];
  senderBic: string;
  receiverBic: string;
  network?: { status: "acknowledged" | "rejected"; reason?: string };
}

interface Block {
  id: string;
  content: string;
  start: number;
  end: number;
}

export function readMtBlocks(text: string, file: string): MtMessage[] {
  const source = text.replace(/^\uFEFF/, "");
  const lineOf = lineLocator(source);
  const starts = [...source.matchAll(/\{1:/g)].map((match) => match.index);
  const first = starts[0];
  if (first === undefined) throw badInput("no SWIFT message: expected a basic header block {1:", file);
  if (!/^[\s$]*$/.test(source.slice(0, first))) {
    throw badInput("unexpected text before the first {1: block", `${file}:1`);
  }
  const messages: MtMessage[] = [];
  let pendingNetwork: MtMessage["network"];
  starts.forEach((start, index) => {
    const end = starts[index + 1] ?? source.length;
    const blocks = readBlocks(source, start, end, file, lineOf);
    const where = `${file}:${lineOf(start)}`;
    const basic = /^F(01|21)([A-Z0-9]{12})\d{4}\d{6}$/.exec(blocks.get("1")?.content ?? "");
    if (!basic)
      throw badInput(`basic header {1:${blocks.get("1")?.content}} is not F01/F21 + address`, where);
    const textBlock = blocks.get("4");
    if (!textBlock) throw badInput("message has no text block {4:", where);
    if (basic[1] === "21") {
      pendingNetwork = acknowledgement(subfields(textBlock.content, file, lineOf(textBlock.start)), where);
      return;
    }
    if (!/^\r?\n/.test(textBlock.content)) {
      throw badInput("text block {4: must start with a line break before its first field", where);
    }
    const application = blocks.get("2")?.content ?? "";
    const parties = senderAndReceiver(application, basic[2] as string);
    if (!parties)
      throw badInput(`application header {2:${application}} is not a FIN input or output header`, where);
    messages.push({
      line: lineOf(start),
      applicationHeader: application,
      userHeader: blocks.has("3")
        ? subfields((blocks.get("3") as Block).content, file, lineOf(start))
        : new Map<string, string>(),
      fields: textFields(textBlock, file, lineOf),
      ...parties,
      ...(pendingNetwork ? { network: pendingNetwork } : {}),
    });
    pendingNetwork = undefined;
  });
  return messages;
}

/**
 * Blocks 1–4 of one message from `start`; what follows block 4 (trailers 5 and S, `$` separators) is not
 * payment data and is not read, but it must begin like a block.
 */
function readBlocks(
  source: string,
  start: number,
  end: number,
  file: string,
  lineOf: (offset: number) => number,
): Map<string, Block> {
  const blocks = new Map<string, Block>();
  let position = start;
  while (position < end && !blocks.has("4")) {
    while (/\s/.test(source[position] ?? "") && position < end) position++;
    const header = /^\{([1-4]):/.exec(source.slice(position, position + 4));
    if (!header) throw badInput("expected a block {1: to {4:", `${file}:${lineOf(position)}`);
    const block = readBlock(source, position, header[1] as string, file, lineOf);
    if (block.end > end)
      throw badInput(`block {${block.id}: runs into the next message`, `${file}:${lineOf(position)}`);
    blocks.set(block.id, block);
    position = block.end;
  }
  const rest = source.slice(position, end).replace(/[\s$]/g, "");
  if (rest && !rest.startsWith("{"))
    throw badInput("unexpected text after block 4", `${file}:${lineOf(position)}`);
  return blocks;
}

/** A text block ends at `-}` on a line of its own; every other block ends at its matching brace. */
function readBlock(
  source: string,
  start: number,
  id: string,
  file: string,
  lineOf: (offset: number) => number,
): Block {
  const contentStart = start + id.length + 2;
  if (id === "4" && /^\r?\n/.test(source.slice(contentStart, contentStart + 2))) {
    const close = source.indexOf("\n-}", contentStart);
    if (close < 0) throw badInput("text block {4: has no closing -}", `${file}:${lineOf(start)}`);
    return { id, content: source.slice(contentStart, close + 1), start, end: close + 3 };
  }
  let depth = 1;
  for (let position = contentStart; position < source.length; position++) {
    if (source[position] === "{") depth++;
    else if (source[position] === "}" && --depth === 0) {
      return { id, content: source.slice(contentStart, position), start, end: position + 1 };
    }
  }
  throw badInput(`block {${id}: is not closed`, `${file}:${lineOf(start)}`);
}

/** `{108:ABC}{121:uuid}` → tag → value. */
function subfields(content: string, file: string, line: number): Map<string, string> {
  const fields = new Map<string, string>();
  const rest = content.replace(/\{([A-Z0-9]{3}):([^{}]*)\}/g, (_, tag: string, value: string) => {
    fields.set(tag, value);
    return "";
  });
  if (rest.trim()) throw badInput(`"${rest.trim()}" is not a {tag:value} field`, `${file}:${line}`);
  return fields;
}

/** Field 451: 0 = accepted by the network, 1 = rejected with the error code in field 405. */
function acknowledgement(fields: Map<string, string>, where: string): MtMessage["network"] {
  const result = fields.get("451");
  if (result === "0") return { status: "acknowledged" };
  if (result === "1") return { status: "rejected", reason: fields.get("405") };
  throw badInput(`service message field 451 is "${result ?? "missing"}", expected 0 or 1`, where);
}

/**
 * Output headers (`O103…`) carry the sender in the message input reference; input headers (`I103…`) carry
 * the receiver. Logical terminal addresses are BIC8 + terminal letter + branch.
 */
function senderAndReceiver(application: string, terminal: string) {
  const bic = (address: string) => `${address.slice(0, 8)}${address.slice(9, 12)}`;
  const output = /^O\d{3}\d{4}\d{6}([A-Z0-9]{12})\d{4}\d{6}\d{6}\d{4}[SNU]?$/.exec(application);
  if (output) return { senderBic: bic(output[1] as string), receiverBic: bic(terminal) };
  const input = /^I\d{3}([A-Z0-9]{12})[SNU]?\d?\d{0,3}$/.exec(application);
  if (input) return { senderBic: bic(terminal), receiverBic: bic(input[1] as string) };
  return undefined;
}

function textFields(block: Block, file: string, lineOf: (offset: number) => number): MtField[] {
  const firstLine = lineOf(block.start) + 1;
  const lines = block.content.replace(/\r\n/g, "\n").split("\n").slice(1, -1);
  const fields: MtField[] = [];
  lines.forEach((line, index) => {
    const start = /^:(\d{2}[A-Z]?):(.*)$/.exec(line);
    const current = fields.at(-1);
    if (start) fields.push({ tag: start[1] as string, value: start[2] as string, line: firstLine + index });
    else if (current) current.value += `\n${line}`;
    else throw badInput(`"${line}" is outside any :tag: field`, `${file}:${firstLine + index}`);
  });
  return fields;
}

function lineLocator(source: string): (offset: number) => number {
  const starts = [0];
  for (let index = 0; index < source.length; index++) if (source[index] === "\n") starts.push(index + 1);
  return (offset) => {
    let low = 0;
    let high = starts.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if ((starts[middle] as number) <= offset) low = middle;
      else high = middle - 1;
    }
    return low + 1;
  };
}
