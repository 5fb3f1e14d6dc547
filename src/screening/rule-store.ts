/**
 * Stored, versioned rules: saving a rule adds a version; the newest version of each id applies (a disabled
 * newest version switches the rule off). A store without rules starts with the defaults.
 */
import { desc, eq, sql } from "drizzle-orm";
import { screeningRules } from "../alerts/schema.ts";
import type { Severity } from "../alerts/types.ts";
import type { DbOrTx } from "../platform/db.ts";
import type { SharingContext } from "../sharing/context.ts";
import { cachedPolicyInput } from "../sharing/world-cache.ts";
import { DEFAULT_RULES, parseRule, type Rule, type RuleKind } from "./rules.ts";

type RuleRow = typeof screeningRules.$inferSelect;

const fromRow = (row: RuleRow): Rule =>
  parseRule(
    {
      id: row.id,
      version: row.version,
      kind: row.kind as RuleKind,
      description: row.description,
      severity: row.severity as Severity,
      parameters: row.parameters,
      enabled: row.enabled,
    },
    `rule ${row.id} v${row.version}`,
  );

/** The newest version of every rule, enabled or not, ordered by id. */
export async function listRules(db: DbOrTx): Promise<Rule[]> {
  const rows = await db
    .selectDistinctOn([screeningRules.id])
    .from(screeningRules)
    .orderBy(screeningRules.id, desc(screeningRules.version));
  return rows.map(fromRow);
}

/** Every stored version of one rule, newest first. */
export async function ruleHistory(db: DbOrTx, id: string): Promise<Rule[]> {
  const rows = await db
    .select()
    .from(screeningRules)
    .where(eq(screeningRules.id, id))
    .orderBy(desc(screeningRules.version));
  return rows.map(fromRow);
}

/** The rules screening applies: the stored ones, seeded with the defaults on first use. */
export async function activeRules(db: DbOrTx, context: SharingContext): Promise<Rule[]> {
  // A server process keeps them until a rule changes (every real-time screening asks).
  let rules = await cachedPolicyInput(db, "screening-rules", () => listRules(db));
  if (rules.length === 0) {
    const at = context.clock.now().toISOString();
    await db
      .insert(screeningRules)
      .values(DEFAULT_RULES.map((rule) => ({ ...rule, actor: context.actor.userId, createdAt: at })))
      .onConflictDoNothing();
    rules = await listRules(db);
  }
  return rules.filter((rule) => rule.enabled);
}

/** Saves a new version of a rule (version = newest + 1); the input's version is ignored. */
export async function saveRule(
  db: DbOrTx,
  input: Omit<Rule, "version">,
  context: SharingContext,
): Promise<Rule> {
  const [{ newest } = { newest: 0 }] = await db
    .select({ newest: sql<number>`coalesce(max(${screeningRules.version}), 0)::int` })
    .from(screeningRules)
    .where(eq(screeningRules.id, input.id));
  const rule = parseRule({ ...input, version: Number(newest) + 1 }, `rule ${input.id}`);
  await db.insert(screeningRules).values({
    ...rule,
    actor: context.actor.userId,
    createdAt: context.clock.now().toISOString(),
  });
  return rule;
}
