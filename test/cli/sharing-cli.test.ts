import assert from "node:assert/strict";
import { execFile } from "node:child_process";
import { randomUUID } from "node:crypto";
import { after, before, describe, test } from "node:test";
import { fileURLToPath } from "node:url";
import { eq } from "drizzle-orm";
import pg from "pg";
import { fixedClock } from "../../src/platform/clock.ts";
import { openStore, type Store } from "../../src/platform/db.ts";
import { findEntity } from "../../src/registry/queries.ts";
import { authenticateKey } from "../../src/sharing/api-keys.ts";
import { LOCAL_OPERATOR } from "../../src/sharing/context.ts";
import { contributeEntity } from "../../src/sharing/records.ts";
import { auditLog } from "../../src/sharing/schema.ts";
import { signInWithPassword } from "../../src/sharing/users.ts";
import { POSTGRES_ADMIN_URL } from "../support/stores.ts";

/** The commands run on a throwaway PostgreSQL database: a process starts in about a second there, not ten. */
const BIN = fileURLToPath(new URL("../../bin/ftfx.js", import.meta.url));
const DB_NAME = `ftfx_test_cli_${randomUUID().replaceAll("-", "").slice(0, 12)}`;
const dbUrl = Object.assign(new URL(POSTGRES_ADMIN_URL), { pathname: `/${DB_NAME}` }).toString();

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

function ftfx(...args: string[]): Promise<Run> {
  return ftfxWithStdin(undefined, ...args);
}

/** Runs a command with `stdin` piped in (closed at once when undefined, as from a script). */
function ftfxWithStdin(stdin: string | undefined, ...args: string[]): Promise<Run> {
  return new Promise((resolve) => {
    const child = execFile(
      process.execPath,
      [BIN, ...args],
      { env: { ...process.env, DATABASE_URL: dbUrl, FTFX_LOG_LEVEL: "warn" } },
      (error, stdout, stderr) => resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr }),
    );
    child.stdin?.end(stdin);
  });
}

function json(run: Run): Record<string, unknown> {
  assert.equal(run.code, 0, run.stderr);
  return JSON.parse(run.stdout);
}

async function admin(sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: POSTGRES_ADMIN_URL });
  await client.connect();
  await client.query(sql);
  await client.end();
}

describe("ftfx agencies, keys, users, arrangements, audit and retention commands", () => {
  let store: Store;
  let nl: string;
  let de: string;
  /** Every change the commands make is one audit entry; counted here independently of the log. */
  let changes = 0;

  before(async () => {
    await admin(`CREATE DATABASE ${DB_NAME}`);
    store = await openStore({ databaseUrl: dbUrl });
    await store.migrate();
  });
  after(async () => {
    await store.close();
    await admin(`DROP DATABASE IF EXISTS ${DB_NAME} WITH (FORCE)`);
  });

  test("agencies add prints only the new id; agencies list shows them; a bad type is bad input", async () => {
    const [first, second, bad] = await Promise.all([
      ftfx("agencies", "add", "--country", "NL", "--name", "NL FTF unit", "--type", "police", "--json"),
      ftfx("agencies", "add", "--country", "de", "--name", "DE border", "--type", "border", "--json"),
      ftfx("agencies", "add", "--country", "NL", "--name", "x", "--type", "navy", "--json"),
    ]);
    const added = [json(first), json(second)];
    for (const a of added) assert.deepEqual(Object.keys(a), ["id"]);
    [nl, de] = added.map((a) => String(a.id)) as [string, string];
    changes += 2;
    assert.equal(bad.code, 2);
    assert.match(bad.stderr, /type.*navy/);
    const listed = (await ftfx("agencies", "list", "--json")).stdout
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l));
    assert.deepEqual(listed.map((a) => a.id).sort(), [nl, de].sort());
    assert.deepEqual(listed.map((a) => a.country).sort(), ["DE", "NL"]);
  });

  test("keys create shows the key once and it authenticates; keys revoke stops it", async () => {
    const created = json(
      await ftfx("keys", "create", "--agency", nl, "--role", "screener", "--role", "analyst", "--json"),
    );
    changes += 1;
    assert.deepEqual(Object.keys(created), ["id", "key"]);
    const actor = await authenticateKey(store.db, String(created.key));
    assert.deepEqual(
      { agency: actor?.agencyId, roles: actor?.roles },
      { agency: nl, roles: ["screener", "analyst"] },
    );
    const [listed, revoked, badRole, webhook] = await Promise.all([
      ftfx("keys", "list", "--json"),
      ftfx("keys", "revoke", String(created.id)),
      ftfx("keys", "create", "--agency", nl, "--role", "king", "--json"),
      ftfx("agencies", "webhook", de, "--url", "https://de.example/ftfx-hook", "--json"),
    ]);
    changes += 1;
    assert.match(String(json(webhook).secret), /^whsec_/);
    assert.ok(listed.stdout.includes(String(created.id)));
    assert.ok(!listed.stdout.includes(String(created.key)), "the secret is never shown again");
    assert.equal(revoked.code, 0, revoked.stderr);
    changes += 1;
    assert.equal(await authenticateKey(store.db, String(created.key)), null);
    assert.equal(badRole.code, 2);
    assert.match(badRole.stderr, /role.*king/);
  });

  test("users add a person; users password reads it from stdin, never argv; the person then signs in", async () => {
    const added = json(
      await ftfx("users", "add", "--agency", nl, "--username", "Ines.Bakker", "--role", "screener", "--json"),
    );
    changes += 1;
    assert.deepEqual(added, { id: added.id, username: "ines.bakker" });
    const password = "a tram to the harbour at dawn";
    const [set, tooShort, noStdin, inArgv, unknown] = await Promise.all([
      ftfxWithStdin(`${password}\n`, "users", "password", "ines.bakker", "--password-stdin", "--json"),
      ftfxWithStdin("short\n", "users", "password", "ines.bakker", "--password-stdin", "--json"),
      ftfx("users", "password", "ines.bakker", "--json"),
      ftfx("users", "password", "ines.bakker", "--password", password),
      ftfxWithStdin(`${password}\n`, "users", "password", "nobody.here", "--password-stdin"),
    ]);
    changes += 1;
    assert.deepEqual(Object.keys(json(set)), ["id", "username", "passwordSetAt"]);
    assert.ok(!set.stdout.includes(password) && !set.stderr.includes(password));
    assert.equal(tooShort.code, 2);
    assert.match(tooShort.stderr, /password: a password needs at least 12 characters/);
    assert.equal(noStdin.code, 2, "no terminal and no --password-stdin: nothing to read");
    assert.match(noStdin.stderr, /--password-stdin/);
    assert.equal(inArgv.code, 2, "a password on the command line is refused");
    assert.ok(!inArgv.stderr.includes(password));
    assert.equal(unknown.code, 2);
    assert.match(unknown.stderr, /no user with id or user name nobody\.here/);
    // The trailing newline was not part of the password.
    const signedIn = await signInWithPassword(store.db, "ines.bakker", password);
    assert.deepEqual(signedIn?.actor.roles, ["screener"]);
    assert.equal(signedIn?.actor.agencyId, nl);

    const disabled = json(await ftfx("users", "disable", "ines.bakker", "--json"));
    changes += 1;
    assert.deepEqual(disabled, { id: added.id, disabled: true });
    assert.equal(await signInWithPassword(store.db, "ines.bakker", password), null);
    const listed = (await ftfx("users", "list", "--agency", nl, "--json")).stdout
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l));
    const ines = listed.find((u) => u.id === added.id);
    assert.equal(ines?.kind, "person");
    assert.ok(ines?.disabledAt && ines?.passwordSetAt);
    assert.ok(!JSON.stringify(listed).includes("scrypt"), "no hash is ever listed");
    const badName = await ftfx("users", "add", "--agency", nl, "--username", "x", "--role", "screener");
    assert.equal(badName.code, 2);
    assert.match(badName.stderr, /username: "x" is not a valid user name/);
  });

  test("arrangements add takes repeated purposes and an end date; arrangements list shows it", async () => {
    const added = json(
      await ftfx(
        "arrangements",
        "add",
        "--from",
        nl,
        "--to",
        de,
        "--disclosure",
        "hit-no-hit",
        "--purpose",
        "border-screening",
        "--purpose",
        "analysis",
        "--until",
        "2027-01-01",
        "--json",
      ),
    );
    changes += 1;
    assert.deepEqual(Object.keys(added), ["id"]);
    const listed = (await ftfx("arrangements", "list", "--json")).stdout
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l));
    const arrangement = listed.find((a) => a.id === added.id);
    assert.deepEqual(arrangement?.purposes, ["border-screening", "analysis"]);
    assert.deepEqual(arrangement?.recipient, { agency: de });
    assert.equal(arrangement?.validUntil, "2027-01-01T00:00:00.000Z");
    const bad = await ftfx(
      "arrangements",
      "add",
      "--from",
      nl,
      "--to",
      de,
      "--disclosure",
      "all",
      "--purpose",
      "analysis",
    );
    assert.equal(bad.code, 2);
  });

  test("retention run deletes registry records past retainUntil and runs traveller retention", async () => {
    const clock = fixedClock("2026-01-01T00:00:00Z");
    const record = await contributeEntity(
      store.db,
      { schema: "Person", properties: { name: ["SYNTHETIC Old Record"] }, retainUntil: "2026-02-01" },
      { actor: LOCAL_OPERATOR, clock },
    );
    changes += 1;
    const run = json(await ftfx("retention", "run", "--json")) as {
      records: { deleted: number };
      travellers: { deletedTravellers: number };
    };
    changes += 2; // one audited run for registry records, one for traveller data
    assert.equal(run.records.deleted, 1);
    assert.equal(run.travellers.deletedTravellers, 0);
    assert.equal(await findEntity(store.db, record.id), undefined);
  });

  test("audit verify counts every change, audit tail lists them, and a changed row is named", async () => {
    assert.deepEqual(json(await ftfx("audit", "verify", "--json")), { ok: true, entries: changes });
    const tail = (await ftfx("audit", "tail", "--limit", "3", "--json")).stdout
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l));
    assert.deepEqual(
      tail.map((e) => e.seq),
      [changes - 2, changes - 1, changes],
    );
    await store.exec(`update audit_log set body = jsonb_set(body, '{action}', '"nothing"') where seq = 2`);
    const broken = json(await ftfx("audit", "verify", "--json"));
    const [second] = await store.db.select({ id: auditLog.id }).from(auditLog).where(eq(auditLog.seq, 2));
    assert.deepEqual(broken, { ok: false, firstBrokenAt: second?.id });
  });
});
