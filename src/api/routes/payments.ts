/**
 * Payment screening and financial-intelligence leads over HTTP: thin adapters over src/finance. A payment
 * message (ISO 20022 XML, SWIFT MT text or CSV) in, the screening object out; leads packaged from confirmed
 * alerts and listed as the sharing policy shows them to the caller (JSON, FtM JSON Lines or CSV).
 */
import type { FastifyInstance } from "fastify";
import { leadsToCsv, leadsToFtmJsonl } from "../../finance/lead-export.ts";
import { createLead, listLeads } from "../../finance/leads.ts";
import { screenPaymentsAs } from "../../finance/store-screening.ts";
import { parsePaymentMessage } from "../../formats/payments.ts";
import { parseCsvMapping } from "../../formats/payments-csv.ts";
import type { MatchIndex } from "../../matching/index.ts";
import { HANDLING_CODES } from "../../model/entity.ts";
import type { Clock } from "../../platform/clock.ts";
import type { Store } from "../../platform/db.ts";
import { badInput } from "../../platform/errors.ts";
import type { Role } from "../../sharing/types.ts";
import { contextOf } from "../auth.ts";
import { problemSchema } from "../problem.ts";

export interface PaymentRouteOptions {
  store: Store;
  sharing: { referenceKey: string; clock: Clock };
  /** The server's matching index, current with the registry. */
  index: () => Promise<MatchIndex>;
}

export const PAYMENT_ROUTE_ROLES = {
  screen: ["screener", "analyst"],
  leads: ["analyst", "screener"],
} as const satisfies Record<string, readonly Role[]>;

// text/plain is read as text by Fastify already.
const MESSAGE_TYPES = ["application/xml", "text/xml", "text/csv", "application/octet-stream"];
const PROBLEMS = { 400: problemSchema, 401: problemSchema, 403: problemSchema } as const;
const SECURED = { security: [{ bearer: [] }] } as const;
const ANY_OBJECT = { type: "object", additionalProperties: true } as const;

export async function registerPaymentRoutes(
  app: FastifyInstance,
  options: PaymentRouteOptions,
): Promise<void> {
  const { db } = options.store;
  const { index } = options;
  // Payment messages arrive as text, whatever their type says; the parser tells the format from the content.
  app.addContentTypeParser(MESSAGE_TYPES, { parseAs: "string" }, (_request, body, done) => done(null, body));

  app.post<{ Body: string; Querystring: { file?: string; mapping?: string } }>(
    "/payments/screen",
    {
      config: { roles: PAYMENT_ROUTE_ROLES.screen },
      schema: {
        summary: "Screen a payment message (ISO 20022 XML, SWIFT MT103 or CSV) against the registry",
        description:
          "A CSV body is read through `mapping`, the column mapping `ftfx screen payments --mapping` takes, " +
          'as JSON (e.g. `{"delimiter":";","decimalComma":true,"columns":{"amount":"Betrag",' +
          '"currency":"Waehrung","debtor.name":"Auftraggeber","creditor.name":"Empfaenger"}}`); without ' +
          "it, the header row must name the fields themselves (`amount`, `currency`, `debtor.name`, " +
          "`creditor.name`, `remittance`, …). XML and MT bodies need no mapping.",
        tags: ["payments"],
        ...SECURED,
        querystring: {
          type: "object",
          additionalProperties: false,
          properties: {
            file: { type: "string", maxLength: 200 },
            mapping: { type: "string", maxLength: 8000 },
          },
        },
        response: {
          200: {
            type: "object",
            properties: { payments: { type: "integer" }, alerts: { type: "array", items: ANY_OBJECT } },
            required: ["payments", "alerts"],
          },
          ...PROBLEMS,
        },
      },
    },
    async (request) => {
      if (typeof request.body !== "string") {
        throw badInput("send the payment message itself as the body (XML, MT text or CSV), not JSON", "body");
      }
      const file = request.query.file ?? "body";
      const { mapping } = request.query;
      const csvMapping = mapping === undefined ? undefined : parseCsvMapping(mapping, "query mapping");
      const payments = parsePaymentMessage(request.body, file, csvMapping ? { csvMapping } : {});
      const { screening } = await screenPaymentsAs(
        db,
        await index(),
        payments,
        contextOf(request, options.sharing.clock),
        {
          referenceKey: options.sharing.referenceKey,
          source: `api:${file}`,
        },
      );
      return screening;
    },
  );

  app.post<{ Body: { alertId: string; subjectId?: string; handling?: string; note?: string } }>(
    "/leads",
    {
      config: { roles: PAYMENT_ROUTE_ROLES.leads },
      schema: {
        summary: "Package a confirmed payment alert as a financial-intelligence lead",
        tags: ["payments"],
        ...SECURED,
        body: {
          type: "object",
          additionalProperties: false,
          properties: {
            alertId: { type: "string", maxLength: 200 },
            subjectId: { type: "string", maxLength: 200 },
            handling: { type: "string", enum: [...HANDLING_CODES] },
            note: { type: "string", maxLength: 4000 },
          },
          required: ["alertId"],
        },
        response: { 201: ANY_OBJECT, 404: problemSchema, 409: problemSchema, ...PROBLEMS },
      },
    },
    async (request, reply) => {
      const lead = await createLead(db, request.body, contextOf(request, options.sharing.clock));
      return reply.status(201).send(lead);
    },
  );

  app.get<{ Querystring: { format: "json" | "ftm" | "csv" } }>(
    "/leads",
    {
      config: { roles: PAYMENT_ROUTE_ROLES.leads },
      schema: {
        summary: "Leads the caller may see (purpose financial-intelligence): JSON, FtM JSON Lines or CSV",
        tags: ["payments"],
        ...SECURED,
        querystring: {
          type: "object",
          additionalProperties: false,
          properties: { format: { type: "string", enum: ["json", "ftm", "csv"], default: "json" } },
        },
        response: { 200: {}, ...PROBLEMS },
      },
    },
    async (request, reply) => {
      const views = await listLeads(
        db,
        contextOf(request, options.sharing.clock),
        options.sharing.referenceKey,
      );
      if (request.query.format === "ftm")
        return reply.type("application/x-ndjson").send(leadsToFtmJsonl(views));
      if (request.query.format === "csv") return reply.type("text/csv").send(leadsToCsv(views));
      return { items: views };
    },
  );
}
