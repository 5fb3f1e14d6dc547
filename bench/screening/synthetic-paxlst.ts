/**
 * A SYNTHETIC PAXLST (D05B) of n passengers on one flight, for the screening benchmark: most passengers are
 * synthetic people not in the registry, every `plantEvery`-th is a registered synthetic profile (so the
 * benchmark screens real hits as well). Names are transliterated to the UNOA character set.
 */
import anyAscii from "any-ascii";
import type { FtmEntity } from "../../src/model/entity.ts";

const NATIONALITIES = ["TUR", "GBR", "FRA", "SYR", "IRQ", "DEU", "BEL", "NLD"];

const unoa = (text: string) =>
  anyAscii(text)
    .toUpperCase()
    .replace(/[^A-Z ]/g, "")
    .replace(/\s+/g, " ")
    .trim();

function yymmdd(date: string | undefined): string {
  const [y = "1980", m = "01", d = "01"] = (date ?? "1980-01-01").split("-");
  return `${y.slice(2)}${m.padStart(2, "0")}${d.padStart(2, "0")}`;
}

export function syntheticPaxlst(passengers: FtmEntity[], registered: FtmEntity[], plantEvery = 40): string {
  const body: string[] = [
    "UNH+1+PAXLST:D:05B:UN:IATA",
    "BGM+745",
    "NAD+MS+++SYNTHETIC BENCHMARK",
    "TDT+20+XX400",
    "LOC+125+IST",
    "DTM+189:2603011000:201",
    "LOC+87+LHR",
    "DTM+232:2603011400:201",
  ];
  passengers.forEach((drawn, i) => {
    const person = i % plantEvery === 0 ? (registered[(i * 7919) % registered.length] ?? drawn) : drawn;
    const p = person.properties;
    const last = unoa(p.lastName?.[0] ?? p.name?.[0]?.split(" ").at(-1) ?? "DOE") || "DOE";
    const first = unoa(p.firstName?.[0] ?? p.name?.[0]?.split(" ")[0] ?? "JOHN") || "JOHN";
    body.push(
      `NAD+FL+++${last}:${first}`,
      `ATT+2++${p.gender?.[0] === "female" ? "F" : "M"}`,
      `DTM+329:${yymmdd(p.birthDate?.[0])}`,
      "LOC+178+IST",
      "LOC+179+LHR",
      `NAT+2+${NATIONALITIES[i % NATIONALITIES.length]}`,
      `RFF+AVF:PNR${String(Math.floor(i / 2)).padStart(3, "0")}`,
      `DOC+P+B${String(100000 + i * 37).padStart(8, "0")}`,
      "DTM+36:300101",
      `LOC+91+${NATIONALITIES[i % NATIONALITIES.length]}`,
    );
  });
  body.push(`CNT+42:${passengers.length}`);
  body.push(`UNT+${body.length + 1}+1`);
  return ["UNA:+.? '", "UNB+UNOA:4+SYNTH:ZZ+PIU:ZZ+260301:0900+BENCH1++PAXLST", ...body, "UNZ+1+BENCH1"]
    .map((segment, i) => (i === 0 ? segment : `${segment}'`))
    .join("\n");
}
