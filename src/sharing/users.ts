/**
 * People who sign in to the console by user name and password. The operator adds them with their roles,
 * sets or resets their passwords and disables them; every change is audited, no password or hash is ever
 * written to the log. A disabled user signs in no more and its API keys stop working.
 */
import { and, asc, eq, or } from "drizzle-orm";
import type { Db, DbOrTx, Tx } from "../platform/db.ts";
import { badInput, notFound } from "../platform/errors.ts";
import { newId } from "../platform/ids.ts";
import { getAgency } from "./agencies.ts";
import { appendAudit, auditBody } from "./audit-log.ts";
import type { SharingContext } from "./context.ts";
import { checkPasswordPolicy, hashPassword, verifyAgainstDecoy, verifyPassword } from "./passwords.ts";
import { users } from "./schema.ts";
import { type Actor, parseRole, type Role } from "./types.ts";

export interface NewUser {
  agencyId: string;
  username: string;
  /** The person's full name, shown to operators; the user name when absent. */
  name?: string;
  roles: readonly string[];
}

export interface UserInfo {
  id: string;
  agencyId: string;
  username?: string;
  name: string;
  kind: string;
  roles: Role[];
  createdAt: string;
  passwordSetAt?: string;
  disabledAt?: string;
}

/** A person signed in by user name and password: acts with the user's own roles. */
export interface UserActor extends Actor {
  username: string;
}

/** A password sign-in: the actor, and when its password was set (a session ends when that changes). */
export interface PasswordSignIn {
  actor: UserActor;
  passwordSetAt: string;
}

/**
 * User names: lower case letters, digits, `.`, `-` and `@` (an e-mail address fits), 3 to 64 characters.
 * No `_`, so a user name can never be read as a user id (`usr_…`) where the CLI accepts either.
 */
const USERNAME = /^[a-z0-9][a-z0-9.@-]{2,63}$/;

export function normaliseUsername(value: string): string {
  return value.normalize("NFKC").trim().toLowerCase();
}

export function parseUsername(value: string, where: string): string {
  const username = normaliseUsername(value);
  if (!USERNAME.test(username)) {
    throw badInput(
      `"${value}" is not a valid user name (3 to 64 of a-z, 0-9, ".", "-", "@"; starting with a letter or digit)`,
      where,
    );
  }
  return username;
}

export async function addUser(
  db: Db,
  input: NewUser,
  context: SharingContext,
): Promise<{ id: string; username: string }> {
  const username = parseUsername(input.username, "username");
  if (input.roles.length === 0) throw badInput("a user needs at least one role", "role");
  const roles = [...new Set(input.roles.map((r) => parseRole(r, "role")))];
  const id = newId("usr");
  const now = context.clock.now();
  await db.transaction(async (tx) => {
    const agency = await getAgency(tx, input.agencyId);
    const [taken] = await tx.select({ id: users.id }).from(users).where(eq(users.username, username));
    if (taken) throw badInput(`the user name ${username} is taken`, "username");
    const name = input.name?.trim() || username;
    await tx.insert(users).values({
      id,
      agencyId: agency.id,
      name,
      kind: "person",
      username,
      roles,
      createdAt: now.toISOString(),
    });
    await appendAudit(
      tx,
      auditBody(context.actor, now, "user.add", { subject: id, agencyId: agency.id, username, roles }),
    );
  });
  return { id, username };
}

/** Sets or resets a person's password (policy first); sessions opened with the old one end. */
export async function setPassword(
  db: Db,
  user: string,
  password: string,
  context: SharingContext,
): Promise<{ id: string; username: string; passwordSetAt: string }> {
  const now = context.clock.now();
  return db.transaction(async (tx) => {
    const row = await personFor(tx, user);
    checkPasswordPolicy(password, row.username);
    const passwordSetAt = now.toISOString();
    await tx
      .update(users)
      .set({ passwordHash: await hashPassword(password), passwordSetAt })
      .where(eq(users.id, row.id));
    await appendAudit(
      tx,
      auditBody(context.actor, now, "user.password", { subject: row.id, agencyId: row.agencyId }),
    );
    return { id: row.id, username: row.username, passwordSetAt };
  });
}

/** Disables (or enables again) a person or service account: no sign-in, no key works while disabled. */
export async function setUserDisabled(
  db: Db,
  user: string,
  disabled: boolean,
  context: SharingContext,
): Promise<{ id: string; disabled: boolean }> {
  const now = context.clock.now();
  return db.transaction(async (tx) => {
    const row = await userFor(tx, user);
    if ((row.disabledAt !== null) === disabled) return { id: row.id, disabled };
    await tx
      .update(users)
      .set({ disabledAt: disabled ? now.toISOString() : null })
      .where(eq(users.id, row.id));
    const action = disabled ? "user.disable" : "user.enable";
    await appendAudit(tx, auditBody(context.actor, now, action, { subject: row.id, agencyId: row.agencyId }));
    return { id: row.id, disabled };
  });
}

export async function listUsers(db: DbOrTx, agencyId?: string): Promise<UserInfo[]> {
  const rows = await db
    .select()
    .from(users)
    .where(agencyId ? eq(users.agencyId, agencyId) : undefined)
    .orderBy(asc(users.agencyId), asc(users.createdAt));
  return rows.map((row) => ({
    id: row.id,
    agencyId: row.agencyId,
    ...(row.username ? { username: row.username } : {}),
    name: row.name,
    kind: row.kind,
    roles: row.roles.map((r) => parseRole(r, "users.roles")),
    createdAt: new Date(row.createdAt).toISOString(),
    ...(row.passwordSetAt ? { passwordSetAt: new Date(row.passwordSetAt).toISOString() } : {}),
    ...(row.disabledAt ? { disabledAt: new Date(row.disabledAt).toISOString() } : {}),
  }));
}

/**
 * The person a user name and password stand for, or null — one scrypt check whatever the reason (unknown
 * name, no password set, wrong password, disabled), so neither the answer nor its timing tells which.
 */
export async function signInWithPassword(
  db: DbOrTx,
  username: string,
  password: string,
): Promise<PasswordSignIn | null> {
  const [row] = await db
    .select()
    .from(users)
    .where(and(eq(users.username, normaliseUsername(username)), eq(users.kind, "person")));
  if (!row?.passwordHash || !row.passwordSetAt || !row.username) {
    await verifyAgainstDecoy(password);
    return null;
  }
  if (!(await verifyPassword(password, row.passwordHash)) || row.disabledAt) return null;
  return { actor: actorOf(row, row.username), passwordSetAt: new Date(row.passwordSetAt).toISOString() };
}

/**
 * The actor of a password session now: null once the user is disabled or its password was set again
 * after `passwordSetAt`; roles are read afresh, so a change of roles reaches open sessions.
 */
export async function currentPasswordUser(
  db: DbOrTx,
  userId: string,
  passwordSetAt: string,
): Promise<UserActor | null> {
  const [row] = await db.select().from(users).where(eq(users.id, userId));
  if (!row?.username || !row.passwordSetAt || row.disabledAt) return null;
  if (new Date(row.passwordSetAt).toISOString() !== passwordSetAt) return null;
  return actorOf(row, row.username);
}

function actorOf(row: typeof users.$inferSelect, username: string): UserActor {
  return {
    agencyId: row.agencyId,
    userId: row.id,
    username,
    roles: row.roles.map((r) => parseRole(r, "users.roles")),
  };
}

/** A user by id or user name, locked for the change. */
async function userFor(tx: Tx, user: string): Promise<typeof users.$inferSelect> {
  const [row] = await tx
    .select()
    .from(users)
    .where(or(eq(users.id, user), eq(users.username, normaliseUsername(user))))
    .for("update");
  if (!row) throw notFound(`no user with id or user name ${user}`);
  return row;
}

/** A person (not a service account) by id or user name: only people have passwords. */
async function personFor(tx: Tx, user: string): Promise<typeof users.$inferSelect & { username: string }> {
  const row = await userFor(tx, user);
  if (row.kind !== "person" || !row.username) {
    throw badInput(`${user} is a service account: it signs in with API keys, not a password`, "user");
  }
  return { ...row, username: row.username };
}
