import { pino } from "pino";

/** Structured logs to stderr so command output on stdout stays machine-readable. */
export const logger = pino(
  { level: process.env.FTFX_LOG_LEVEL ?? "info", base: { app: "ftfx" } },
  pino.destination(2),
);
