import { isUtf8 } from "node:buffer";
import { existsSync, readFileSync, statSync } from "node:fs";
import { badInput } from "../platform/errors.ts";

/** The 1-based line number of a character offset in a text. */
export function lineAt(text: string, offset: number): number {
  let line = 1;
  for (let i = text.indexOf("\n"); i !== -1 && i < offset; i = text.indexOf("\n", i + 1)) line++;
  return line;
}

/** Decodes UTF-8 (dropping a byte-order mark); invalid bytes are bad input naming `FILE:LINE`. */
export function decodeUtf8(bytes: Uint8Array, file: string): string {
  if (!isUtf8(bytes)) {
    const offset = firstInvalidUtf8Byte(bytes);
    let line = 1;
    for (let i = 0; i < offset; i++) if (bytes[i] === 0x0a) line++;
    throw badInput(`invalid UTF-8 at byte ${offset} (the file must be UTF-8 encoded)`, `${file}:${line}`);
  }
  const text = new TextDecoder("utf-8").decode(bytes);
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/** Reads a UTF-8 text file; a missing file is bad input naming the path. */
export function readTextFile(path: string): string {
  if (!existsSync(path)) throw badInput(`file not found: ${path}`, path);
  if (statSync(path).isDirectory()) throw badInput(`expected a file but found a folder: ${path}`, path);
  return decodeUtf8(readFileSync(path), path);
}

/** Offset of the first byte that breaks UTF-8 (only called once the fast check has failed). */
function firstInvalidUtf8Byte(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i] ?? 0;
    const length =
      b < 0x80 ? 1 : b >= 0xc2 && b <= 0xdf ? 2 : b >= 0xe0 && b <= 0xef ? 3 : b >= 0xf0 && b <= 0xf4 ? 4 : 0;
    if (length === 0) return i;
    if (length > 1) {
      const bytesAfter = bytes.subarray(i, i + length);
      if (bytesAfter.length < length || !isUtf8(bytesAfter)) return i;
    }
    i += length;
  }
  return bytes.length;
}
