/**
 * The sharing command groups: agencies, keys, users, arrangements, audit and retention. The CLI is the node's
 * local operator acting directly on the store; every change it makes is audited like any other.
 */
import type { Command } from "commander";
import { runTravellerRetention, travellerRetentionPolicy } from "../alerts/retention.ts";
import { systemClock } from "../platform/clock.ts";
import { badInput } from "../platform/errors.ts";
import { addAgency, listAgencies } from "../sharing/agencies.ts";
import { createKey, listKeys, revokeKey } from "../sharing/api-keys.ts";
import { addArrangement, listArrangements } from "../sharing/arrangements.ts";
import type { AuditEntry } from "../sharing/audit-chain.ts";
import { tailAudit, verifyAuditLog } from "../sharing/audit-log.ts";
import { LOCAL_OPERATOR, type SharingContext } from "../sharing/context.ts";
import { runRetention } from "../sharing/retention.ts";
import type { Arrangement } from "../sharing/types.ts";
import { addUser, listUsers, setPassword, setUserDisabled } from "../sharing/users.ts";
import { setWebhook } from "../sharing/webhooks.ts";
import { type OutputOptions, printList, printRecord } from "./output.ts";
import { readNewPassword } from "./secret-input.ts";
import { withStore } from "./store.ts";

const operator: SharingContext = { actor: LOCAL_OPERATOR, clock: systemClock };

const collect = (value: string, previous: string[] = []) => [...previous, value];

export function registerAgencyCommands(program: Command): void {
  const agencies = program.command("agencies").description("partner agencies");
  agencies
    .command("add")
    .description("add a partner agency")
    .requiredOption("--country <code>", "ISO 3166-1 alpha-2 country code, e.g. NL")
    .requiredOption("--name <name>", "the agency's name")
    .requiredOption(
      "--type <type>",
      "police, border, financial-intelligence, intelligence, prosecution or secretariat",
    )
    .option("--contact <contact>", "whom to ask about a hit (desk e-mail or phone)")
    .option("--not-member", "outside the coalition: receives only CLEAR records")
    .option("--json", "print JSON")
    .action(
      async (
        options: OutputOptions & {
          country: string;
          name: string;
          type: string;
          contact?: string;
          notMember?: boolean;
        },
      ) => {
        const input = {
          country: options.country,
          name: options.name,
          type: options.type,
          member: !options.notMember,
          ...(options.contact ? { contact: options.contact } : {}),
        };
        const agency = await withStore((store) => addAgency(store.db, input, operator));
        printRecord({ id: agency.id }, options);
      },
    );
  agencies
    .command("webhook <id>")
    .description("POST the agency's notifications to a URL too, signed; prints the signing secret once")
    .option("--url <url>", "the agency's receiver (http or https)")
    .option("--off", "remove the webhook")
    .option("--json", "print JSON")
    .action(async (id: string, options: OutputOptions & { url?: string; off?: boolean }) => {
      if (!options.url === !options.off) throw badInput("give either --url URL or --off", "--url");
      const set = await withStore((store) => setWebhook(store.db, id, options.url ?? null, operator));
      printRecord(set ?? { id, webhook: "off" }, options);
    });
  agencies
    .command("list")
    .description("every partner agency")
    .option("--json", "print JSON Lines")
    .action(async (options: OutputOptions) => {
      const all = await withStore((store) => listAgencies(store.db));
      printList(
        all.map((a) => ({ ...a })),
        options,
        ["id", "country", "name", "type", "member", "contact"],
      );
    });
}

export function registerKeyCommands(program: Command): void {
  const keys = program.command("keys").description("API keys of partner agencies");
  keys
    .command("create")
    .description("create an API key for a new service account; the key is printed once and never stored")
    .requiredOption("--agency <id>", "the agency the key acts for")
    .requiredOption("--role <role>", "admin, contributor, screener, analyst or auditor (repeatable)", collect)
    .option("--name <name>", "name of the service account")
    .option("--json", "print JSON")
    .action(async (options: OutputOptions & { agency: string; role: string[]; name?: string }) => {
      const input = {
        agencyId: options.agency,
        roles: options.role,
        ...(options.name ? { name: options.name } : {}),
      };
      const created = await withStore((store) => createKey(store.db, input, operator));
      printRecord(created, options);
      if (!options.json) process.stderr.write("keep the key now: it is not shown again\n");
    });
  keys
    .command("revoke <id>")
    .description("revoke a key at once (servers that cached it stop accepting it within 30 s)")
    .option("--json", "print JSON")
    .action(async (id: string, options: OutputOptions) => {
      await withStore((store) => revokeKey(store.db, id, operator));
      printRecord({ id, revoked: true }, options);
    });
  keys
    .command("list")
    .description("keys (never the secrets)")
    .option("--agency <id>", "only this agency's keys")
    .option("--json", "print JSON Lines")
    .action(async (options: OutputOptions & { agency?: string }) => {
      const all = await withStore((store) => listKeys(store.db, options.agency));
      printList(
        all.map((k) => ({ ...k })),
        options,
        ["id", "agencyId", "userId", "roles", "createdAt", "revokedAt"],
      );
    });
}

export function registerUserCommands(program: Command): void {
  const users = program
    .command("users")
    .description("people who sign in to the console by user name and password");
  users
    .command("add")
    .description("add a person with roles; then set a password with `users password`")
    .requiredOption("--agency <id>", "the person's agency")
    .requiredOption("--username <name>", "sign-in name: 3 to 64 of a-z, 0-9, '.', '-', '@'")
    .requiredOption("--role <role>", "admin, contributor, screener, analyst or auditor (repeatable)", collect)
    .option("--name <name>", "the person's full name")
    .option("--json", "print JSON")
    .action(
      async (
        options: OutputOptions & { agency: string; username: string; role: string[]; name?: string },
      ) => {
        const input = {
          agencyId: options.agency,
          username: options.username,
          roles: options.role,
          ...(options.name ? { name: options.name } : {}),
        };
        printRecord(await withStore((store) => addUser(store.db, input, operator)), options);
      },
    );
  users
    .command("password <user>")
    .description(
      "set or reset a person's password (id or user name); typed twice at a terminal, or piped in with --password-stdin; open sessions end",
    )
    .option("--password-stdin", "read the password from stdin (one line)")
    .option("--json", "print JSON")
    .action(async (user: string, options: OutputOptions & { passwordStdin?: boolean }) => {
      const password = await readNewPassword(options.passwordStdin === true);
      printRecord(await withStore((store) => setPassword(store.db, user, password, operator)), options);
    });
  for (const [name, disabled, description] of [
    ["disable", true, "stop a user (id or user name) at once: no sign-in, no key of theirs works"],
    ["enable", false, "let a disabled user act again"],
  ] as const) {
    users
      .command(`${name} <user>`)
      .description(description)
      .option("--json", "print JSON")
      .action(async (user: string, options: OutputOptions) => {
        printRecord(await withStore((store) => setUserDisabled(store.db, user, disabled, operator)), options);
      });
  }
  users
    .command("list")
    .description("people and service accounts (never a password or its hash)")
    .option("--agency <id>", "only this agency's users")
    .option("--json", "print JSON Lines")
    .action(async (options: OutputOptions & { agency?: string }) => {
      const all = await withStore((store) => listUsers(store.db, options.agency));
      printList(
        all.map((u) => ({ ...u })),
        options,
        ["id", "agencyId", "username", "name", "kind", "roles", "passwordSetAt", "disabledAt"],
      );
    });
}

export function registerArrangementCommands(program: Command): void {
  const arrangements = program.command("arrangements").description("who may learn what, for which purpose");
  arrangements
    .command("add")
    .description("let a recipient learn about an originator's records on a hit")
    .requiredOption("--from <agency>", "originator: an agency id, `local`, or country:XX")
    .requiredOption("--to <agency>", "recipient: an agency id, country:XX or group:ID")
    .requiredOption("--disclosure <level>", "hit-no-hit, summary or full")
    .requiredOption("--purpose <purpose>", "a permitted purpose (repeatable)", collect)
    .option("--starts <date>", "valid from (default now)")
    .option("--until <date>", "valid until, exclusive (default open-ended)")
    .option("--json", "print JSON")
    .action(
      async (
        options: OutputOptions & {
          from: string;
          to: string;
          disclosure: string;
          purpose: string[];
          starts?: string;
          until?: string;
        },
      ) => {
        const input = {
          from: options.from,
          to: options.to,
          disclosure: options.disclosure,
          purposes: options.purpose,
          ...(options.starts ? { starts: options.starts } : {}),
          ...(options.until ? { until: options.until } : {}),
        };
        const arrangement = await withStore((store) => addArrangement(store.db, input, operator));
        printRecord({ id: arrangement.id }, options);
      },
    );
  arrangements
    .command("list")
    .description("every arrangement")
    .option("--json", "print JSON Lines")
    .action(async (options: OutputOptions) => {
      const all = await withStore((store) => listArrangements(store.db));
      printList(
        all.map((a) => (options.json ? { ...a } : tableRow(a))),
        options,
        ["id", "from", "to", "disclosure", "purposes", "validFrom", "validUntil"],
      );
    });
}

export function registerAuditCommands(program: Command): void {
  const audit = program.command("audit").description("the tamper-evident audit log");
  audit
    .command("verify")
    .description(
      "check the hash chain: ok with the entry count, or the first broken entry (the answer is the output; exit 0 either way)",
    )
    .option("--json", "print JSON")
    .action(async (options: OutputOptions) => {
      const verdict = await withStore((store) => verifyAuditLog(store.db));
      printRecord({ ...verdict }, options);
    });
  audit
    .command("tail")
    .description("the newest entries")
    .option("--limit <n>", "how many", "20")
    .option("--json", "print JSON Lines")
    .action(async (options: OutputOptions & { limit: string }) => {
      const limit = Number(options.limit);
      if (!Number.isInteger(limit) || limit < 1)
        throw badInput(`expected a positive whole number, got "${options.limit}"`, "--limit");
      const entries = await withStore((store) => tailAudit(store.db, { limit }));
      const rows = entries.map((e) => (options.json ? { ...e } : tailRow(e)));
      printList(rows, options, ["seq", "id", "at", "action", "actor", "subject", "purpose"]);
    });
}

export function registerRetentionCommands(program: Command): void {
  const retention = program.command("retention").description("review and retention dates");
  retention
    .command("run")
    .description(
      "delete registry records past their retention date (audited tombstones), count records due for review, and depersonalise or delete traveller data past its periods",
    )
    .option("--json", "print JSON")
    .action(async (options: OutputOptions) => {
      const run = await withStore(async (store) => ({
        records: await runRetention(store.db, operator),
        travellers: await runTravellerRetention(store.db, operator, travellerRetentionPolicy()),
      }));
      printRecord({ ...run }, options);
    });
}

function party(p: Arrangement["originator"] | Arrangement["recipient"]): string {
  if ("agency" in p) return p.agency;
  if ("country" in p) return `country:${p.country}`;
  return `group:${p.group.id} (${p.group.name})`;
}

function tableRow(a: Arrangement): Record<string, unknown> {
  return { ...a, from: party(a.originator), to: party(a.recipient) };
}

function tailRow({ seq, id, body }: AuditEntry): Record<string, unknown> {
  const actor = body.actor as { agencyId?: string; userId?: string } | undefined;
  return {
    seq,
    id,
    at: body.at,
    action: body.action,
    actor: `${actor?.agencyId}/${actor?.userId}`,
    subject: body.subject,
    purpose: body.purpose,
  };
}
