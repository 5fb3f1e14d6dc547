import assert from "node:assert/strict";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, it } from "node:test";
import { readListFile } from "../../src/formats/lists.ts";
import { isFtfxError } from "../../src/platform/errors.ts";
import { dataPath } from "../support/data.ts";

const folder = mkdtempSync(join(tmpdir(), "ftfx-lists-"));
const write = (name: string, content: string | Buffer) => {
  const path = join(folder, name);
  writeFileSync(path, content);
  return path;
};
const expectBadInput = (path: string, where: string, reason: RegExp) =>
  assert.throws(
    () => readListFile(path),
    (error) =>
      isFtfxError(error) && error.code === "bad_input" && error.where === where && reason.test(error.message),
  );

const UN_XML = `<?xml version="1.0" encoding="UTF-8"?>
<CONSOLIDATED_LIST dateGenerated="2026-01-01T00:00:00Z">
  <INDIVIDUALS><INDIVIDUAL><DATAID>1</DATAID><FIRST_NAME>SYNTHETIC</FIRST_NAME><SECOND_NAME>PERSON</SECOND_NAME>
  <UN_LIST_TYPE>Al-Qaida</UN_LIST_TYPE><REFERENCE_NUMBER>QDi.900</REFERENCE_NUMBER><LISTED_ON>2020-01-01</LISTED_ON>
  </INDIVIDUAL></INDIVIDUALS><ENTITIES/>
</CONSOLIDATED_LIST>`;
const SDN_CSV =
  '900,"PERSON, Synthetic","individual","SDGT",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,"DOB 1970."\n';

describe("list files: format detection", () => {
  it("reads UN XML by its content, whatever the file is called", () => {
    const list = readListFile(write("consolidated.download", UN_XML));
    assert.equal(list.format, "un-xml");
    assert.equal(list.dataset, "un-sc-consolidated");
    assert.deepEqual(
      list.entities.map((e) => e.schema),
      ["Person", "Sanction"],
    );
  });

  it("reads the published UN list", () => {
    const list = readListFile(dataPath("watchlists/un/un_sc_consolidated_list_2026-02-27.xml"));
    assert.equal(list.format, "un-xml");
    assert.ok(list.entities.some((e) => e.listRef === "QDi.001"));
  });

  it("reads an OFAC SDN CSV file or its folder", () => {
    const sub = mkdtempSync(join(folder, "ofac-"));
    writeFileSync(join(sub, "sdn.csv"), SDN_CSV);
    for (const path of [sub, join(sub, "sdn.csv")]) {
      const list = readListFile(path);
      assert.equal(list.format, "ofac-csv");
      assert.equal(list.dataset, "us-ofac-sdn");
      assert.equal(list.entities[0]?.listRef, "900");
    }
  });

  it("reads FtM JSON Lines (.jsonl or .json), naming the dataset after the file", () => {
    const list = readListFile(dataPath("ftm/yente_t1_entities.ftm.jsonl"));
    assert.equal(list.format, "ftm-jsonl");
    assert.equal(list.dataset, "yente_t1_entities");
    assert.equal(list.entities.length, 7);
    const json = readListFile(write("Partner List.json", '{"id":"x","schema":"Person","properties":{}}\n'));
    assert.equal(json.dataset, "partner-list");
  });
});

describe("list files: bad input", () => {
  it("names a missing file", () => {
    expectBadInput(join(folder, "nope.xml"), join(folder, "nope.xml"), /not found/);
  });

  it("names the line of invalid UTF-8", () => {
    const bytes = Buffer.concat([
      Buffer.from(`${UN_XML.slice(0, 60)}\n<!-- `),
      Buffer.from([0xc3, 0x28]),
      Buffer.from(" -->"),
    ]);
    const path = write("latin1.xml", bytes);
    expectBadInput(path, `${path}:3`, /invalid UTF-8/);
    const jsonl = write(
      "bad.jsonl",
      Buffer.concat([Buffer.from('{"id":"a"}\n{"id":"'), Buffer.from([0xff]), Buffer.from('"}')]),
    );
    expectBadInput(jsonl, `${jsonl}:2`, /invalid UTF-8/);
  });

  it("passes the parsers' errors through with their place", () => {
    const truncated = write("truncated.xml", UN_XML.slice(0, 200));
    assert.throws(
      () => readListFile(truncated),
      (error) => isFtfxError(error) && /^.*truncated\.xml:\d+$/.test(error.where ?? ""),
    );
    const wrongRoot = write("other.xml", "<sdnList></sdnList>");
    expectBadInput(wrongRoot, `${wrongRoot}:1`, /CONSOLIDATED_LIST/);
  });

  it("says which formats it knows when it cannot tell", () => {
    const path = write("notes.txt", "hello");
    expectBadInput(path, path, /cannot tell the list format/);
  });
});
