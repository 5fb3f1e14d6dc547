import { z } from "zod";

const ConfigSchema = z.object({
  dataDir: z.string().min(1),
  databaseUrl: z.string().url().optional(),
  port: z.coerce.number().int().min(0).max(65535),
  host: z.string().min(1),
  demo: z.boolean(),
  bodyLimitBytes: z.coerce.number().int().positive(),
  referenceSecret: z.string().min(16),
  rateLimitPerMinute: z.coerce.number().int().positive(),
});

/** Keys the opaque references shown on hits; the demo default must be replaced in production. */
export const DEMO_REFERENCE_SECRET = "ftfx-demo-reference-secret-change-me";

export type Config = z.infer<typeof ConfigSchema>;

/** Reads configuration from the environment once, validated; a bad value stops start-up with its name. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = ConfigSchema.safeParse({
    dataDir: env.FTFX_DATA_DIR ?? "./.ftfx",
    databaseUrl: env.DATABASE_URL || undefined,
    port: env.PORT ?? 8080,
    host: env.HOST ?? "0.0.0.0",
    demo: env.FTFX_DEMO !== "0",
    bodyLimitBytes: env.FTFX_BODY_LIMIT ?? 10 * 1024 * 1024,
    referenceSecret: env.FTFX_REFERENCE_SECRET || DEMO_REFERENCE_SECRET,
    rateLimitPerMinute: env.FTFX_RATE_LIMIT ?? 120_000,
  });
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    throw new Error(`invalid configuration ${first?.path.join(".")}: ${first?.message}`);
  }
  return parsed.data;
}
