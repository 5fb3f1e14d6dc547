import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import { describe, it } from "node:test";
import fc from "fast-check";
import { parseMt103 } from "../../src/formats/mt103.ts";
import { isFtfxError } from "../../src/platform/errors.ts";
import { dataPath } from "../support/data.ts";

const DIR = "payments/swift-mt/";
const read = (name: string) => readFileSync(dataPath(`${DIR}${name}`), "utf8");
const samples = readdirSync(dataPath(DIR));

/** Expected values straight off the raw text with regular expressions, not through the parser. */
const all = (text: string, pattern: RegExp) => [...text.matchAll(pattern)];
const firstNameLine = (body: string) =>
  body
    .split(/\r?\n/)
    .find((line) => line && !line.startsWith("/"))
    ?.replace(/^1\//, "");

function badInputMessage(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    assert.ok(isFtfxError(error), `expected FtfxError, got ${error}`);
    assert.equal(error.code, "bad_input");
    return error.message;
  }
  assert.fail("expected bad input");
}

/** The 1-based line on which `needle` first occurs in `text`. */
const lineOf = (text: string, needle: string) => text.slice(0, text.indexOf(needle)).split("\n").length;

describe("parseMt103 golden samples", () => {
  for (const name of samples) {
    it(`${name}: one payment per MT103, fields as in the raw text`, () => {
      const text = read(name);
      const payments = parseMt103(text, name);
      assert.equal(payments.length, all(text, /\{2:[IO]103/g).length);
      const settlements = all(text, /:32A:(\d\d)(\d\d)(\d\d)([A-Z]{3})([\d,]+)/g);
      const references = all(text, /:20:([^\r\n]+)/g).map((m) => m[1]);
      const creditors = all(text, /:59[AF]?:([\s\S]*?)(?=\r?\n:)/g).map((m) => firstNameLine(m[1] as string));
      const debtors = all(text, /:50[AFK]:([\s\S]*?)(?=\r?\n:)/g).map((m) => firstNameLine(m[1] as string));
      payments.forEach((payment, index) => {
        const [, yy, mm, dd, currency, amount] = settlements[index] ?? [];
        assert.equal(payment.amount, Number(amount?.replace(",", ".")));
        assert.equal(payment.currency, currency);
        assert.ok(payment.valueDate?.endsWith(`${yy}-${mm}-${dd}`));
        assert.equal(payment.messageRef, references[index]);
        assert.equal(payment.creditor.name, creditors[index]);
        assert.equal(payment.debtor.name, debtors[index]);
        assert.equal(payment.messageType, "MT103");
      });
      const acks = all(text, /\{451:0\}/g).length;
      assert.equal(payments.filter((payment) => payment.network?.status === "acknowledged").length, acks);
      assert.equal(new Set(payments.map((payment) => payment.id)).size, payments.length);
    });
  }

  it("reads option F parties, the UETR, /ROC/ and the bank chain", () => {
    const [payment] = parseMt103(read("cbpr_p.2.1.1_expected_mt103_CtoD.fin"), "CtoD.fin");
    assert.equal(payment?.uetr, "8a562c67-ca16-48ba-b074-65581be6f001");
    assert.equal(payment?.endToEndId, "pacs008EndToEndId-001");
    assert.deepEqual(payment?.creditor, {
      name: "Evli",
      kind: "unknown",
      address: ["Aleksanterinkatu 19", "Helsinki"],
      country: "FI",
      account: "98653214",
    });
    assert.equal(payment?.debtorAgentBic, "RBOSGB2LXXX");
    assert.equal(payment?.creditorAgentBic, "HELSFIHHXXX");
    // Sender NDEA from block 2, previous instructing bank ABNA from field 72 /INS/.
    assert.deepEqual(new Set(payment?.intermediaryBics), new Set(["NDEAFIHHXXX", "ABNANL2AXXX"]));
    assert.deepEqual(payment?.instructedAmount, { currency: "EUR", amount: 15669.38 });
    assert.equal(payment?.charges, "OUR");
  });

  it("reads free-format 50K/59 parties: account, name, address lines", () => {
    const [payment] = parseMt103(read("prowide_MT103_out_ack.rje"), "out.rje");
    assert.deepEqual(payment?.debtor, {
      name: "FOO CAPITAL MARKETS LP",
      kind: "unknown",
      address: ["99 WALL ST STE 9999", "NEW YORK, NY 10005-3122"],
    });
    assert.equal(payment?.creditor.account, "00123456789012345678");
    assert.equal(payment?.debtorAgentBic, undefined, "52D names the bank without a BIC");
  });
});

const MESSAGE = [
  "{1:F01SYNTGB2LAXXX0000000000}{2:I103SYNTDEFFXXXXN}{3:{121:00000000-0000-4000-8000-000000000001}}{4:",
  ":20:SYNTHETIC-1",
  ":23B:CRED",
  ":32A:240131EUR9500,00",
  ":50F:/GB00SYNT00000000000001",
  "1/SYNTHETIC ALPHA PERSON",
  "2/1 TEST STREET",
  "3/GB/LONDON",
  "4/19800101",
  ":59:/DE00SYNT00000000000002",
  "SYNTHETIC BETA ORGANISATION",
  "BERLIN",
  ":70:SYNTHETIC TEST PAYMENT",
  ":71A:SHA",
  "-}",
].join("\r\n");

describe("parseMt103 on crafted messages", () => {
  it("reads an input message: sender from block 1, receiver from block 2, person from 50F line 4", () => {
    const [payment] = parseMt103(MESSAGE, "t.fin");
    assert.equal(payment?.debtorAgentBic, "SYNTGB2LXXX");
    assert.equal(payment?.creditorAgentBic, "SYNTDEFFXXX");
    assert.equal(payment?.debtor.kind, "person");
    assert.equal(payment?.debtor.birthDate, "1980-01-01");
    assert.equal(payment?.valueDate, "2024-01-31");
  });

  it("records a NAK in front of a message as a network rejection", () => {
    const nak = "{1:F21SYNTGB2LAXXX0000000000}{4:{177:2401311200}{451:1}{405:T27}}";
    const [payment] = parseMt103(`${nak}${MESSAGE}`, "t.rje");
    assert.deepEqual(payment?.network, { status: "rejected", reason: "T27" });
  });

  const cases: [string, string, RegExp][] = [
    [
      "an amount with a decimal point",
      MESSAGE.replace("9500,00", "9500.00"),
      new RegExp(`t\\.fin:${lineOf(MESSAGE, ":32A:")} \\(message 1, field 32A\\): amount "9500\\.00"`),
    ],
    [
      "an amount longer than SWIFT's 15 characters",
      MESSAGE.replace("9500,00", "1000000000000,00"),
      /field 32A\): amount "1000000000000,00"/,
    ],
    [
      "an impossible value date",
      MESSAGE.replace(":32A:240131", ":32A:240231"),
      /field 32A\): 240231 is not a date/,
    ],
    ["a missing beneficiary", MESSAGE.replace(/:59:[^:]*/, ""), /message 1\): missing mandatory field 59a/],
    [
      "another message type",
      MESSAGE.replace("{2:I103", "{2:I202"),
      /\(message 1, block 2\): MT202 is not an MT103/,
    ],
    [
      "a field MT103 does not have",
      MESSAGE.replace(":70:", ":99Z:"),
      /field 99Z\): :99Z: is not an MT103 field/,
    ],
    [
      "a repeated field",
      MESSAGE.replace(":23B:CRED", ":20:AGAIN"),
      /field 20\): field :20: repeats :20:, which may appear once/,
    ],
    [
      "two options of one field",
      MESSAGE.replace(":59:", ":50K:SYNTHETIC SECOND PAYER\r\n:59:"),
      /field 50K\): field :50K: repeats :50F:/,
    ],
    ["an unknown charges code", MESSAGE.replace(":71A:SHA", ":71A:XXX"), /field 71A\): "XXX" is not OUR/],
    ["a 50F line without number", MESSAGE.replace("2/1 TEST STREET", "1 TEST STREET"), /field 50F\): line/],
    ["an unclosed text block", MESSAGE.replace("-}", ""), /text block \{4: has no closing -\}/],
    [
      "fields on the text block's first line",
      MESSAGE.replace("{4:\r\n", "{4:"),
      /t\.fin:1: text block \{4: must start with a line break/,
    ],
    ["text before the first message", `hello\n${MESSAGE}`, /t\.fin:1: unexpected text before/],
    ["no message at all", "hello", /no SWIFT message/],
  ];
  for (const [what, text, pattern] of cases) {
    it(`rejects ${what}`, () =>
      assert.match(
        badInputMessage(() => parseMt103(text, "t.fin")),
        pattern,
      ));
  }

  it("one bad message in an RJE batch fails the whole batch, naming the message", () => {
    const bad = MESSAGE.replace(":32A:240131EUR9500,00", ":32A:240131EUR");
    const batch = [MESSAGE, MESSAGE, bad].join("\r\n$");
    assert.match(
      badInputMessage(() => parseMt103(batch, "b.rje")),
      /\(message 3, field 32A\)/,
    );
  });

  it("reads any well-formed 32A amount back exactly (property)", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 10 ** 12 - 1 }),
        fc.integer({ min: 0, max: 99 }),
        (units, cents) => {
          const written = `${units},${String(cents).padStart(2, "0")}`;
          const [payment] = parseMt103(MESSAGE.replace("9500,00", written), "p.fin");
          assert.equal(payment?.amount, Number(`${units}.${String(cents).padStart(2, "0")}`));
        },
      ),
      { numRuns: 200 },
    );
  });

  it("gets back any beneficiary name and address written in SWIFT's character set (property)", () => {
    const line = fc.stringMatching(/^[A-Z0-9][A-Z0-9 .,()'+?-]{0,33}[A-Z0-9]$/);
    fc.assert(
      fc.property(line, fc.array(line, { maxLength: 3 }), (name, address) => {
        const text = MESSAGE.replace(
          "SYNTHETIC BETA ORGANISATION\r\nBERLIN",
          [name, ...address].join("\r\n"),
        );
        const [payment] = parseMt103(text, "p.fin");
        assert.equal(payment?.creditor.name, name);
        assert.deepEqual(payment?.creditor.address ?? [], address);
      }),
      { numRuns: 200 },
    );
  });
});
