import { parse as parseYaml } from "yaml";
import { z } from "zod";
import { badInput } from "../platform/errors.ts";
import type { RuleContext } from "./rule-types.ts";

/**
 * Rule settings from a YAML or JSON file, every key optional (defaults below):
 *
 *     highRiskCountries: [KP, IR, MM]
 *     countryAliases: { KP: [DPRK] }
 *     structuring: { thresholds: { EUR: 10000, USD: 10000 }, margin: 0.1, minPayments: 3, windowDays: 7 }
 *     fanIn: { minSenders: 5, windowDays: 7 }
 *
 * No jurisdiction is high-risk by default: which are is a policy decision of the deploying agency (e.g. the
 * FATF lists of the day), not something to ship frozen in code.
 */
export const DEFAULT_RULE_CONTEXT: RuleContext = {
  highRiskCountries: [],
  structuring: { thresholds: { EUR: 10_000, USD: 10_000 }, margin: 0.1, minPayments: 3, windowDays: 7 },
  fanIn: { minSenders: 5, windowDays: 7 },
};

const country = z
  .string()
  .regex(/^[A-Za-z]{2}$/, "must be an ISO 3166 alpha-2 code")
  .toUpperCase();

const configSchema = z
  .object({
    highRiskCountries: z.array(country).optional(),
    countryAliases: z.record(country, z.array(z.string().min(1))).optional(),
    structuring: z
      .object({
        thresholds: z.record(
          z.string().regex(/^[A-Z]{3}$/, "must be a currency code"),
          z.number().positive(),
        ),
        margin: z.number().gt(0).lt(1),
        minPayments: z.number().int().min(2),
        windowDays: z.number().positive(),
      })
      .partial()
      .strict()
      .optional(),
    fanIn: z
      .object({ minSenders: z.number().int().min(2), windowDays: z.number().positive() })
      .partial()
      .strict()
      .optional(),
  })
  .strict();

/** Reads rule settings over the defaults; a bad setting fails naming its key. */
export function parseRuleConfig(text: string, where: string): RuleContext {
  let raw: unknown;
  try {
    raw = parseYaml(text) ?? {};
  } catch (error) {
    throw badInput(`rule settings are not YAML or JSON: ${(error as Error).message}`, where);
  }
  const result = configSchema.safeParse(raw);
  if (!result.success) {
    const issue = result.error.issues[0];
    throw badInput(`rule setting ${issue?.path.join(".") || "(top level)"}: ${issue?.message}`, where);
  }
  const config = result.data;
  return {
    highRiskCountries: config.highRiskCountries ?? DEFAULT_RULE_CONTEXT.highRiskCountries,
    ...(config.countryAliases ? { countryAliases: config.countryAliases } : {}),
    structuring: { ...DEFAULT_RULE_CONTEXT.structuring, ...config.structuring },
    fanIn: { ...DEFAULT_RULE_CONTEXT.fanIn, ...config.fanIn },
  };
}
