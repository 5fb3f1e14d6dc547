import { badInput } from "../platform/errors.ts";
import { sha256Hex, stableId } from "../platform/ids.ts";
import { parseXmlTree, type XmlElement } from "./iso20022-tree.ts";
import {
  dropUndefined,
  isBic,
  isCurrencyCode,
  isIsoDate,
  type Money,
  otherBanks,
  type Party,
  type PartyKind,
  type Payment,
} from "./payment-types.ts";

/**
 * ISO 20022 customer credit transfers: pacs.008 (bank to bank) and pain.001 (customer to bank), any
 * version, bare or inside a SWIFT envelope with an AppHdr. One Payment per credit-transfer transaction;
 * a pain.001 with several payment infos and transactions gives one Payment per transaction, each with the
 * debtor of its payment info. The message and version come from the Document's namespace.
 */
export function parseIso20022(xml: string, file: string): Payment[] {
  const root = parseXmlTree(xml, file);
  const document = findDocument(root, file);
  const where = (element: XmlElement) => `${file} ${element.path}`;
  if (!document.ns) {
    throw badInput(
      "Document has no namespace (xmlns), so the ISO 20022 message and version cannot be told",
      where(document),
    );
  }
  const family = messageFamily(document.ns);
  if (!family)
    throw badInput(`namespace "${document.ns}" is not an ISO 20022 message namespace`, where(document));
  checkHeaderAgrees(root, family, file);
  const reader = new Reader(file, sha256Hex(xml));
  const body = document.children[0];
  if (!body) throw badInput("Document is empty", where(document));
  if (family === "pacs.008") return reader.pacs008(expectName(body, "FIToFICstmrCdtTrf", file));
  if (family === "pain.001") return reader.pain001(expectName(body, "CstmrCdtTrfInitn", file));
  if (family === "pain.002") {
    throw badInput(
      "pain.002 is a payment status report about earlier payments, not a payment; nothing to screen " +
        "(ftfx reads pacs.008 and pain.001)",
      where(body),
    );
  }
  throw badInput(
    `${family} is not a customer credit transfer; ftfx reads pacs.008 and pain.001`,
    where(body),
  );
}

/** `pacs.008` from `urn:iso:std:iso:20022:tech:xsd:pacs.008.001.12` or SIX's `…/pain.001.001.03.ch.02.xsd`. */
function messageFamily(namespace: string): string | undefined {
  return /\b([a-z]{4}\.\d{3})\.\d{3}\.\d{2}/.exec(namespace)?.[1];
}

function findDocument(root: XmlElement, file: string): XmlElement {
  if (root.name === "Document") return root;
  const documents = root.children.filter((child) => child.name === "Document");
  const [document] = documents;
  if (!document || documents.length > 1) {
    throw badInput(`expected one ISO 20022 Document, found ${documents.length}`, `${file} ${root.path}`);
  }
  return document;
}

/** A SWIFT AppHdr may name another version than the Document (CBPR+ samples do); a different message is an error. */
function checkHeaderAgrees(root: XmlElement, family: string, file: string): void {
  const definition = child(child(root, "AppHdr"), "MsgDefIdr");
  if (!definition) return;
  const headerFamily = messageFamily(`${definition.text}`);
  if (headerFamily && headerFamily !== family) {
    throw badInput(
      `AppHdr names ${definition.text} but the Document is ${family}`,
      `${file} ${definition.path}`,
    );
  }
}

function expectName(element: XmlElement, name: string, file: string): XmlElement {
  if (element.name !== name)
    throw badInput(`expected ${name}, found ${element.name}`, `${file} ${element.path}`);
  return element;
}

function child(element: XmlElement | undefined, name: string): XmlElement | undefined {
  return element?.children.find((candidate) => candidate.name === name);
}

function children(element: XmlElement | undefined, name: string): XmlElement[] {
  return element?.children.filter((candidate) => candidate.name === name) ?? [];
}

/** Text at a path of child names, or undefined when any step is missing or the text is blank. */
function textAt(element: XmlElement | undefined, ...names: string[]): string | undefined {
  let current = element;
  for (const name of names) current = child(current, name);
  return current?.text.trim() || undefined;
}

function intermediaryAgents(tx: XmlElement): (XmlElement | undefined)[] {
  return ["IntrmyAgt1", "IntrmyAgt2", "IntrmyAgt3"].map((name) => child(tx, name));
}

function joined(separator: string, ...parts: (string | undefined)[]): string | undefined {
  return parts.filter((part) => part).join(separator) || undefined;
}

class Reader {
  private count = 0;

  constructor(
    private readonly file: string,
    private readonly digest: string,
  ) {}

  pacs008(transfer: XmlElement): Payment[] {
    const header = this.required(transfer, "GrpHdr");
    const settlement = child(header, "SttlmInf");
    const reimbursementAgents = ["InstgRmbrsmntAgt", "InstdRmbrsmntAgt", "ThrdRmbrsmntAgt"].map((name) =>
      child(settlement, name),
    );
    return this.transactions(transfer, "CdtTrfTxInf").map((tx) => {
      const amount = this.money(this.required(tx, "IntrBkSttlmAmt"));
      const instructed = child(tx, "InstdAmt");
      const settled = child(tx, "IntrBkSttlmDt") ?? child(header, "IntrBkSttlmDt");
      return this.payment("pacs.008", header, tx, {
        ...amount,
        instructedAmount: instructed ? this.money(instructed) : undefined,
        valueDate: settled ? this.date(settled.text, settled) : undefined,
        debtor: this.party(this.required(tx, "Dbtr"), child(tx, "DbtrAcct")),
        ultimateDebtor: this.optionalParty(child(tx, "UltmtDbtr")),
        debtorAgent: child(tx, "DbtrAgt"),
        otherAgents: [
          ...["PrvsInstgAgt1", "PrvsInstgAgt2", "PrvsInstgAgt3", "InstgAgt", "InstdAgt"].map((name) =>
            child(tx, name),
          ),
          ...intermediaryAgents(tx),
          ...reimbursementAgents,
        ],
        charges: textAt(tx, "ChrgBr"),
      });
    });
  }

  pain001(initiation: XmlElement): Payment[] {
    const header = this.required(initiation, "GrpHdr");
    const infos = children(initiation, "PmtInf");
    if (infos.length === 0)
      throw badInput("no PmtInf (payment information)", `${this.file} ${initiation.path}`);
    return infos.flatMap((info) => {
      const requested = child(info, "ReqdExctnDt");
      const date = requested
        ? (textAt(requested, "Dt") ?? textAt(requested, "DtTm") ?? requested.text)
        : undefined;
      const debtor = this.party(this.required(info, "Dbtr"), child(info, "DbtrAcct"));
      return this.transactions(info, "CdtTrfTxInf").map((tx) =>
        this.payment("pain.001", header, tx, {
          ...this.instructedAmount(this.required(tx, "Amt")),
          valueDate: date ? this.date(date.slice(0, 10), requested as XmlElement) : undefined,
          debtor,
          ultimateDebtor: this.optionalParty(child(tx, "UltmtDbtr") ?? child(info, "UltmtDbtr")),
          debtorAgent: child(info, "DbtrAgt"),
          otherAgents: intermediaryAgents(tx),
          charges: textAt(tx, "ChrgBr") ?? textAt(info, "ChrgBr"),
        }),
      );
    });
  }

  /** What both messages share per transaction: ids, creditor side, banks, remittance. */
  private payment(
    messageType: "pacs.008" | "pain.001",
    header: XmlElement,
    tx: XmlElement,
    specific: Pick<
      Payment,
      "amount" | "currency" | "instructedAmount" | "valueDate" | "debtor" | "ultimateDebtor" | "charges"
    > & { debtorAgent: XmlElement | undefined; otherAgents: (XmlElement | undefined)[] },
  ): Payment {
    const { debtorAgent, otherAgents, ...rest } = specific;
    const creditorAgent = child(tx, "CdtrAgt");
    const debtorAgentBic = this.agentBic(debtorAgent);
    const creditorAgentBic = this.agentBic(creditorAgent);
    const agents = [debtorAgent, creditorAgent, ...otherAgents];
    // Banks named by clearing code and address instead of a BIC still tell their country.
    const bankCountries = agents.flatMap((agent) =>
      agent && !this.agentBic(agent) ? (textAt(agent, "FinInstnId", "PstlAdr", "Ctry") ?? []) : [],
    );
    const payment: Payment = {
      id: stableId("pay", this.digest, String(this.count++)),
      messageType,
      messageRef: textAt(header, "MsgId"),
      endToEndId: textAt(tx, "PmtId", "EndToEndId"),
      uetr: textAt(tx, "PmtId", "UETR"),
      createdAt: this.dateTime(child(header, "CreDtTm")),
      ...rest,
      creditor: this.party(this.required(tx, "Cdtr"), child(tx, "CdtrAcct")),
      ultimateCreditor: this.optionalParty(child(tx, "UltmtCdtr")),
      debtorAgentBic,
      creditorAgentBic,
      intermediaryBics: otherBanks(
        otherAgents.map((agent) => this.agentBic(agent)),
        debtorAgentBic,
        creditorAgentBic,
      ),
      bankCountries: bankCountries.length > 0 ? [...new Set(bankCountries)] : undefined,
      remittance: this.remittance(child(tx, "RmtInf")),
    };
    return dropUndefined(payment);
  }

  private transactions(parent: XmlElement, name: string): XmlElement[] {
    const found = children(parent, name);
    if (found.length === 0)
      throw badInput(`no ${name} (credit transfer transaction)`, `${this.file} ${parent.path}`);
    return found;
  }

  private required(parent: XmlElement, name: string): XmlElement {
    const found = child(parent, name);
    if (!found) throw badInput(`missing ${name}`, `${this.file} ${parent.path}`);
    return found;
  }

  private money(element: XmlElement): Money {
    const currency = element.attrs.Ccy ?? "";
    if (!isCurrencyCode(currency)) {
      throw badInput(
        `currency attribute Ccy "${currency}" is not a 3-letter code`,
        `${this.file} ${element.path}`,
      );
    }
    if (!/^\d{1,18}(\.\d{1,5})?$/.test(element.text)) {
      throw badInput(`amount "${element.text}" is not a decimal number`, `${this.file} ${element.path}`);
    }
    return { amount: Number(element.text), currency };
  }

  /** pain.001 Amt: the instructed amount, or an equivalent amount in the debtor's currency. */
  private instructedAmount(amount: XmlElement): Money {
    const instructed = child(amount, "InstdAmt") ?? child(child(amount, "EqvtAmt"), "Amt");
    if (!instructed) throw badInput("missing InstdAmt or EqvtAmt/Amt", `${this.file} ${amount.path}`);
    return this.money(instructed);
  }

  private date(value: string, element: XmlElement): string {
    if (!isIsoDate(value))
      throw badInput(`"${value}" is not a date (YYYY-MM-DD)`, `${this.file} ${element.path}`);
    return value;
  }

  private dateTime(element: XmlElement | undefined): string | undefined {
    if (!element) return undefined;
    if (Number.isNaN(Date.parse(element.text))) {
      throw badInput(`"${element.text}" is not an ISO 8601 date-time`, `${this.file} ${element.path}`);
    }
    return element.text;
  }

  /** FinInstnId/BICFI (2009+ versions) or FinInstnId/BIC (version 03 and before). */
  private agentBic(agent: XmlElement | undefined): string | undefined {
    const institution = child(agent, "FinInstnId");
    const element = child(institution, "BICFI") ?? child(institution, "BIC");
    if (!element) return undefined;
    return this.bic(element);
  }

  private bic(element: XmlElement): string {
    const value = element.text.trim();
    if (!isBic(value)) throw badInput(`"${value}" is not a BIC`, `${this.file} ${element.path}`);
    return value;
  }

  private optionalParty(element: XmlElement | undefined): Party | undefined {
    return element ? this.party(element, undefined) : undefined;
  }

  /** A PartyIdentification: name, postal address, organisation or private identification, account. */
  private party(element: XmlElement, accountElement: XmlElement | undefined): Party {
    const address = child(element, "PstlAdr");
    const organisation = child(child(element, "Id"), "OrgId");
    const person = child(child(element, "Id"), "PrvtId");
    const kind: PartyKind = organisation ? "organisation" : person ? "person" : "unknown";
    const bicElement = child(organisation, "AnyBIC") ?? child(organisation, "BICOrBEI");
    const birth = textAt(person, "DtAndPlcOfBirth", "BirthDt");
    const lei = textAt(organisation, "LEI");
    const identifiers = [
      ...(lei ? [`LEI:${lei}`] : []),
      ...[...children(organisation, "Othr"), ...children(person, "Othr")].flatMap((other) => {
        const id = textAt(other, "Id");
        const scheme = textAt(other, "SchmeNm", "Cd") ?? textAt(other, "SchmeNm", "Prtry");
        return id ? [scheme ? `${scheme}:${id}` : id] : [];
      }),
    ];
    const country = textAt(address, "Ctry") ?? textAt(element, "CtryOfRes");
    const lines = [
      joined(" ", textAt(address, "Dept"), textAt(address, "SubDept")),
      joined(" ", textAt(address, "StrtNm"), textAt(address, "BldgNb"), textAt(address, "BldgNm")),
      joined(" ", textAt(address, "Flr"), textAt(address, "Room"), textAt(address, "PstBx")),
      joined(" ", textAt(address, "PstCd"), textAt(address, "TwnNm")),
      joined(" ", textAt(address, "TwnLctnNm"), textAt(address, "DstrctNm"), textAt(address, "CtrySubDvsn")),
      ...children(address, "AdrLine").map((line) => line.text.trim()),
    ].filter((line): line is string => !!line);
    const accountId = child(accountElement, "Id");
    if (country && !/^[A-Z]{2}$/.test(country)) {
      throw badInput(`country "${country}" is not an ISO 3166 alpha-2 code`, `${this.file} ${element.path}`);
    }
    return dropUndefined({
      name: textAt(element, "Nm") ?? "",
      kind,
      address: lines.length > 0 ? lines : undefined,
      country,
      account: textAt(accountId, "IBAN") ?? textAt(accountId, "Othr", "Id"),
      bic: bicElement ? this.bic(bicElement) : undefined,
      birthDate: birth ? this.date(birth, element) : undefined,
      identifiers: identifiers.length > 0 ? identifiers : undefined,
    });
  }

  /** Unstructured lines, then what structured remittance carries as text: references and notes. */
  private remittance(info: XmlElement | undefined): string | undefined {
    const parts = [
      ...children(info, "Ustrd").map((line) => line.text.trim()),
      ...children(info, "Strd").flatMap((structured) => [
        ...children(structured, "RfrdDocInf").map((document) => textAt(document, "Nb")),
        textAt(structured, "CdtrRefInf", "Ref"),
        ...children(structured, "AddtlRmtInf").map((line) => line.text.trim()),
      ]),
    ];
    return joined(" ", ...parts);
  }
}
