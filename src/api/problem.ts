import type { FastifyError, FastifyReply, FastifyRequest } from "fastify";
import { isFtfxError } from "../platform/errors.ts";
import { logger } from "../platform/logging.ts";

/** RFC 9457 problem details: the one error shape every route answers with. */
export interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
  instance: string;
  code: string;
  where?: string;
}

const TITLES: Record<number, string> = {
  400: "Bad request",
  401: "Unauthorized",
  403: "Forbidden",
  404: "Not found",
  409: "Conflict",
  413: "Payload too large",
  415: "Unsupported media type",
  429: "Too many requests",
  500: "Internal server error",
};

export function problem(
  status: number,
  code: string,
  detail: string,
  instance: string,
  where?: string,
): Problem {
  return {
    type: `https://ftfx.dev/problems/${code}`,
    title: TITLES[status] ?? "Error",
    status,
    detail,
    instance,
    code,
    ...(where ? { where } : {}),
  };
}

function toProblem(error: unknown, request: FastifyRequest): Problem {
  if (isFtfxError(error)) return problem(error.status, error.code, error.message, request.url, error.where);
  const fastifyError = error as Partial<FastifyError>;
  if (fastifyError.validation)
    return problem(400, "bad_input", fastifyError.message ?? "invalid request", request.url);
  const status = fastifyError.statusCode;
  if (status && status >= 400 && status < 500) {
    const code = status === 413 ? "too_large" : status === 415 ? "unsupported_media_type" : "bad_input";
    return problem(status, code, fastifyError.message ?? "bad request", request.url);
  }
  logger.error({ err: error, url: request.url }, "unhandled error");
  return problem(500, "internal", "the server failed to handle the request; it is logged", request.url);
}

export function sendProblem(error: unknown, request: FastifyRequest, reply: FastifyReply): FastifyReply {
  const body = toProblem(error, request);
  return reply.status(body.status).type("application/problem+json").send(body);
}

export function notFoundHandler(request: FastifyRequest, reply: FastifyReply): FastifyReply {
  const body = problem(404, "not_found", `no route ${request.method} ${request.url}`, request.url);
  return reply.status(404).type("application/problem+json").send(body);
}

/** JSON schema of a problem, for the OpenAPI document. */
export const problemSchema = {
  type: "object",
  properties: {
    type: { type: "string" },
    title: { type: "string" },
    status: { type: "integer" },
    detail: { type: "string" },
    instance: { type: "string" },
    code: { type: "string" },
    where: { type: "string" },
  },
  required: ["type", "title", "status", "detail"],
} as const;
