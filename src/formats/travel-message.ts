/**
 * One entry point for airline messages: reads the envelope once and hands the interchange to the PAXLST
 * or PNRGOV reader named by the message header (UNH).
 */
import { readInterchange, segmentError } from "./edifact.ts";
import { paxlstFromInterchange } from "./paxlst.ts";
import { pnrgovFromInterchange } from "./pnrgov.ts";
import type { Manifest } from "./travel-types.ts";

export function parseTravelMessage(text: string, file: string): Manifest {
  const interchange = readInterchange(text, file);
  const { type } = interchange.messageType;
  if (type === "PAXLST") return paxlstFromInterchange(interchange);
  if (type === "PNRGOV") return pnrgovFromInterchange(interchange);
  throw segmentError(file, interchange.header, `message type ${type} is neither PAXLST nor PNRGOV`);
}
