import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import { describe, it } from "node:test";
import fc from "fast-check";
import { parseIso20022 } from "../../src/formats/iso20022.ts";
import type { Payment } from "../../src/formats/payment-types.ts";
import { isFtfxError } from "../../src/platform/errors.ts";
import { dataPath } from "../support/data.ts";

const DIR = "payments/iso20022/";
const read = (name: string) => readFileSync(dataPath(`${DIR}${name}`), "utf8");
const INVALID = new Set(["invalid_pain.002_missing_namespace.xml", "pain.002.001.11_valid_minimal.xml"]);
const samples = readdirSync(dataPath(DIR)).filter((name) => !INVALID.has(name));

/** Expected values read straight off the raw XML with regular expressions, not through the parser. */
const P = "(?:\\w+:)?"; // optional namespace prefix
const all = (text: string, pattern: string) => [...text.matchAll(new RegExp(pattern, "g"))];

function expectedTransactions(xml: string) {
  // pain.001 puts the debtor once per PmtInf; pacs.008 once per transaction.
  const groups = xml.includes("CstmrCdtTrfInitn") ? xml.split(new RegExp(`<${P}PmtInf>`)).slice(1) : [xml];
  return groups.flatMap((group) => {
    const transactions = group.split(new RegExp(`<${P}CdtTrfTxInf>`));
    const groupDebtor = all(transactions[0] ?? "", `<${P}Dbtr>\\s*<${P}Nm>([^<]+)<`)[0]?.[1];
    return transactions.slice(1).map((tx) => ({
      debtor: groupDebtor ?? all(tx, `<${P}Dbtr>\\s*<${P}Nm>([^<]+)<`)[0]?.[1],
      creditor: all(tx, `<${P}Cdtr>\\s*<${P}Nm>([^<]+)<`)[0]?.[1],
      money: all(tx, `<${P}(?:IntrBkSttlmAmt|InstdAmt|Amt) Ccy="([A-Z]{3})">([^<]+)<`).map((m) => ({
        currency: m[1],
        amount: Number(m[2]),
      }))[0],
      endToEndId: all(tx, `<${P}EndToEndId>([^<]+)<`)[0]?.[1],
      remittance: all(tx, `<${P}Ustrd>([^<]+)<`).map((m) => m[1]),
    }));
  });
}

function bicsOf(payment: Payment): string[] {
  return [
    payment.debtorAgentBic,
    payment.creditorAgentBic,
    ...(payment.intermediaryBics ?? []),
    payment.debtor.bic,
    payment.creditor.bic,
  ].filter((bic): bic is string => !!bic);
}

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

describe("parseIso20022 golden samples", () => {
  for (const name of samples) {
    it(`${name}: one payment per transaction, fields as in the raw XML`, () => {
      const xml = read(name);
      const payments = parseIso20022(xml, name);
      const expected = expectedTransactions(xml);
      assert.equal(payments.length, all(xml, `<${P}CdtTrfTxInf>`).length);
      assert.equal(payments.length, expected.length);
      payments.forEach((payment, index) => {
        const want = expected[index];
        assert.ok(want?.money);
        assert.equal(payment.debtor.name, want.debtor);
        assert.equal(payment.creditor.name, want.creditor);
        assert.equal(payment.amount, want.money.amount);
        assert.equal(payment.currency, want.money.currency);
        assert.equal(payment.endToEndId, want.endToEndId);
        for (const line of want.remittance) assert.ok(payment.remittance?.includes(line as string));
      });
      const documentPart = xml.slice(xml.search(new RegExp(`<${P}Document`)));
      const rawBics = new Set(all(documentPart, `<${P}(?:BICFI|BIC)>([^<]+)<`).map((m) => m[1]));
      assert.deepEqual(new Set(payments.flatMap(bicsOf)), rawBics);
      const messageType = /pacs\.008/.test(documentPart.slice(0, 300)) ? "pacs.008" : "pain.001";
      assert.ok(payments.every((payment) => payment.messageType === messageType));
      assert.equal(new Set(payments.map((payment) => payment.id)).size, payments.length);
    });
  }

  it("reads the CBPR+ pacs.008 fully: dates, UETR, address, country, account, chain", () => {
    const [payment] = parseIso20022(read("cbpr_p.2.1.1_pacs008_AtoB.xml"), "AtoB.xml");
    assert.deepEqual(payment, {
      ...payment,
      messageRef: "pacs8bizmsgidr01",
      uetr: "8a562c67-ca16-48ba-b074-65581be6f001",
      valueDate: "2021-04-09",
      createdAt: "2021-04-09T09:00:00+01:00",
      charges: "DEBT",
      debtor: {
        name: "C Consumer",
        kind: "unknown",
        address: ["High Street", "Epping"],
        country: "GB",
        account: "12547896",
      },
      debtorAgentBic: "RBOSGB2LXXX",
      creditorAgentBic: "HELSFIHHXXX",
      intermediaryBics: ["ABNANL2AXXX", "NDEAFIHHXXX"],
    });
  });

  it("gives each pain.001 transaction the debtor, agent and date of its own payment info", () => {
    const payments = parseIso20022(read("pain.001.001.03.ch.02_six_musterfile.xml"), "six.xml");
    const last = payments.at(-1);
    assert.equal(last?.debtor.name, "Maria Bernasconi");
    assert.equal(last?.valueDate, "2020-06-17");
    assert.equal(payments[0]?.valueDate, "2020-07-28");
    const equivalent = payments.find((payment) => payment.endToEndId === "EndToEndId-04-01");
    assert.equal(equivalent?.creditor.country, "IT");
    assert.deepEqual(equivalent?.creditor.address, ["Via 10", "Florenz"]);
    assert.equal(equivalent?.charges, "SLEV");
  });

  it("keeps the country of a bank named by clearing code and address, without BIC", () => {
    const [payment] = parseIso20022(read("pain.001.001.03_international_RUB.xml"), "rub.xml");
    assert.equal(payment?.creditorAgentBic, undefined);
    assert.deepEqual(payment?.bankCountries, ["RU"]);
  });

  it("reads organisation identifiers and the BOM-prefixed Lithuanian samples", () => {
    const [payment] = parseIso20022(read("pain.001.001.03_sepa.xml"), "sepa.xml");
    assert.equal(payment?.debtor.kind, "organisation");
    assert.deepEqual(payment?.debtor.identifiers, ["COID:123456789"]);
    assert.equal(payment?.debtor.account, "LT007180000000000000");
    assert.equal(payment?.remittance, "Apmokama saskaita-faktura Nr. 1");
  });

  it("gives the same payment whether the namespace is a prefix or the default", () => {
    const prefixed = read("cbpr_c.53.5_pacs008_AtoB.xml");
    const unprefixed = prefixed
      .replace(/<(\/?)(?:pacs|head):/g, "<$1")
      .replace(/xmlns:(pacs|head)=/g, "xmlns=");
    const strip = ({ id: _id, ...rest }: Payment) => rest;
    assert.deepEqual(
      parseIso20022(unprefixed, "b.xml").map(strip),
      parseIso20022(prefixed, "a.xml").map(strip),
    );
  });
});

describe("parseIso20022 rejects what is not a screenable payment", () => {
  it("a Document without namespace, naming the element", () => {
    const message = badInputMessage(() =>
      parseIso20022(read("invalid_pain.002_missing_namespace.xml"), "invalid_pain.002_missing_namespace.xml"),
    );
    assert.match(message, /invalid_pain\.002_missing_namespace\.xml Document: .*no namespace/);
  });

  it("a pain.002 status report: valid, but not a payment", () => {
    const message = badInputMessage(() => parseIso20022(read("pain.002.001.11_valid_minimal.xml"), "p2.xml"));
    assert.match(message, /Document\/CstmrPmtStsRpt: pain\.002 is a payment status report/);
  });

  const pacs = read("cbpr_p.2.1.1_pacs008_AtoB.xml");
  const path = "Envelope/Document/FIToFICstmrCdtTrf/CdtTrfTxInf";
  const cases: [string, string, RegExp][] = [
    [
      "an amount without currency",
      pacs.replace('<IntrBkSttlmAmt Ccy="EUR">', "<IntrBkSttlmAmt>"),
      new RegExp(`${path}/IntrBkSttlmAmt: currency attribute Ccy`),
    ],
    [
      "an amount with a decimal comma",
      pacs.replace(">15669.38<", ">15669,38<"),
      new RegExp(`${path}/IntrBkSttlmAmt: amount "15669,38"`),
    ],
    [
      "a malformed BIC",
      pacs.replace(">HELSFIHHXXX<", ">HELS-FI<"),
      new RegExp(`${path}/CdtrAgt/FinInstnId/BICFI`),
    ],
    ["a missing creditor", pacs.replace(/<Cdtr>[\s\S]*?<\/Cdtr>/, ""), new RegExp(`${path}: missing Cdtr`)],
    [
      "an impossible date",
      pacs.replace(">2021-04-09<", ">2021-02-30<"),
      new RegExp(`${path}/IntrBkSttlmDt: "2021-02-30" is not a date`),
    ],
    [
      "an AppHdr naming another message",
      pacs.replace("<MsgDefIdr>pacs.008.001.08", "<MsgDefIdr>pain.001.001.09"),
      /AppHdr\/MsgDefIdr: AppHdr names pain\.001/,
    ],
    ["truncated XML", pacs.slice(0, 2000), /^t\.xml:\d+: malformed XML/],
    [
      "a DTD (entity expansion)",
      pacs.replace("<Envelope", '<!DOCTYPE Envelope [<!ENTITY a "aaaa">]>\n<Envelope'),
      /^t\.xml:19: DOCTYPE declarations are not allowed/,
    ],
    [
      "another ISO 20022 message",
      read("pain.001.001.03_sepa.xml").replace("pain.001.001.03", "camt.053.001.08"),
      /camt\.053 is not a customer credit transfer/,
    ],
  ];
  for (const [what, xml, pattern] of cases) {
    it(what, () =>
      assert.match(
        badInputMessage(() => parseIso20022(xml, "t.xml")),
        pattern,
      ),
    );
  }

  it("one bad transaction fails the whole file, naming its payment info and transaction", () => {
    const six = read("pain.001.001.03.ch.02_six_musterfile.xml").replace(
      '<InstdAmt Ccy="CHF">2.00</InstdAmt>',
      '<InstdAmt Ccy="CHF">two</InstdAmt>',
    );
    assert.match(
      badInputMessage(() => parseIso20022(six, "six.xml")),
      /PmtInf\[3\]\/CdtTrfTxInf\[2\]\/Amt\/InstdAmt: amount "two"/,
    );
  });
});

describe("parseIso20022 on generated pain.001 (property)", () => {
  const xmlEscape = (text: string) =>
    text.replaceAll("&", "&amp;").replaceAll("<", "&lt;").replaceAll(">", "&gt;").replaceAll('"', "&quot;");
  const name = fc.stringMatching(/^SYNTHETIC [A-Za-z&<>"' .-]{1,20}[A-Za-z]$/);
  const tx = fc.record({ creditor: name, cents: fc.integer({ min: 1, max: 10 ** 9 }) });
  const info = fc.record({ debtor: name, transactions: fc.array(tx, { minLength: 1, maxLength: 4 }) });

  it("gives one payment per transaction with its payment info's debtor, names unescaped", () => {
    fc.assert(
      fc.property(fc.array(info, { minLength: 1, maxLength: 4 }), (infos) => {
        const xml = [
          '<Document xmlns="urn:iso:std:iso:20022:tech:xsd:pain.001.001.09"><CstmrCdtTrfInitn>',
          "<GrpHdr><MsgId>SYN</MsgId></GrpHdr>",
          ...infos.map(
            ({ debtor, transactions }) =>
              `<PmtInf><ReqdExctnDt><Dt>2024-05-01</Dt></ReqdExctnDt><Dbtr><Nm>${xmlEscape(debtor)}</Nm></Dbtr>` +
              transactions
                .map(
                  ({ creditor, cents }) =>
                    `<CdtTrfTxInf><Amt><InstdAmt Ccy="EUR">${(cents / 100).toFixed(2)}</InstdAmt></Amt>` +
                    `<Cdtr><Nm>${xmlEscape(creditor)}</Nm></Cdtr></CdtTrfTxInf>`,
                )
                .join("") +
              "</PmtInf>",
          ),
          "</CstmrCdtTrfInitn></Document>",
        ].join("");
        const payments = parseIso20022(xml, "generated.xml");
        const expected = infos.flatMap(({ debtor, transactions }) =>
          transactions.map((t) => ({ debtor, ...t })),
        );
        assert.deepEqual(
          payments.map((p) => [p.debtor.name, p.creditor.name, p.amount, p.valueDate]),
          expected.map((e) => [
            e.debtor.trim(),
            e.creditor.trim(),
            Number((e.cents / 100).toFixed(2)),
            "2024-05-01",
          ]),
        );
      }),
      { numRuns: 100 },
    );
  });
});
