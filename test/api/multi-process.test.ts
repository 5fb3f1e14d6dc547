import assert from "node:assert/strict";
import { type ChildProcess, spawn } from "node:child_process";
import { createServer } from "node:net";
import { after, before, describe, test } from "node:test";
import { fileURLToPath } from "node:url";
import { systemClock } from "../../src/platform/clock.ts";
import { addAgency } from "../../src/sharing/agencies.ts";
import { createKey } from "../../src/sharing/api-keys.ts";
import { addArrangement } from "../../src/sharing/arrangements.ts";
import { LOCAL_OPERATOR } from "../../src/sharing/context.ts";
import { postgresTestStore, type TestStore } from "../support/stores.ts";

const MAIN = fileURLToPath(new URL("../../src/api/main.ts", import.meta.url));
const SUBJECT = { name: "SYNTHETIC Selim Oudjani Berrada", birthDate: "1979-05-14" };

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const address = probe.address();
      const port = typeof address === "object" && address ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}

async function until<T>(what: string, probe: () => Promise<T | undefined>, timeoutMs = 30_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe().catch(() => undefined);
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** Two server processes on one PostgreSQL database, as in production behind a load balancer. */
describe("several server processes share one PostgreSQL database", () => {
  let testStore: TestStore;
  const servers: ChildProcess[] = [];
  const bases: string[] = [];
  let contributorKey: string;
  let recipientKey: string;

  before(async () => {
    testStore = await postgresTestStore();
    const { db } = testStore.store;
    const context = { actor: LOCAL_OPERATOR, clock: systemClock };
    const nl = (await addAgency(db, { country: "NL", name: "NL FTF unit", type: "police" }, context)).id;
    const de = (await addAgency(db, { country: "DE", name: "DE border police", type: "border" }, context)).id;
    contributorKey = (await createKey(db, { agencyId: nl, roles: ["contributor"] }, context)).key;
    recipientKey = (await createKey(db, { agencyId: de, roles: ["screener"] }, context)).key;
    await addArrangement(
      db,
      { from: nl, to: de, disclosure: "summary", purposes: ["border-screening"] },
      context,
    );
    for (let i = 0; i < 2; i++) {
      const port = await freePort();
      const server = spawn(process.execPath, ["--import", "tsx", MAIN], {
        env: {
          ...process.env,
          DATABASE_URL: testStore.url,
          PORT: String(port),
          HOST: "127.0.0.1",
          FTFX_DEMO: "0",
          FTFX_LOG_LEVEL: "warn",
        },
        stdio: ["ignore", "ignore", "inherit"],
      });
      servers.push(server);
      bases.push(`http://127.0.0.1:${port}`);
    }
    for (const base of bases)
      await until(
        `${base}/health`,
        async () => ((await fetch(`${base}/health`)).ok ? true : undefined),
        60_000,
      );
  });
  after(async () => {
    for (const server of servers) server.kill("SIGTERM");
    await Promise.all(servers.map((s) => new Promise((resolve) => s.once("exit", resolve))));
    await testStore.dispose();
  });

  const post = (base: string, path: string, key: string, body: object) =>
    fetch(`${base}${path}`, {
      method: "POST",
      headers: { authorization: `Bearer ${key}`, "content-type": "application/json" },
      body: JSON.stringify(body),
    });
  const screenOn = async (base: string) => {
    const response = await post(base, "/api/v1/match", recipientKey, {
      purpose: "border-screening",
      ...SUBJECT,
    });
    assert.equal(response.status, 200);
    return ((await response.json()) as { matches: { names?: string[] }[] }).matches;
  };

  test("a record written through one process hits on the other; its withdrawal stops the hit on both", async () => {
    const [first = "", second = ""] = bases;
    assert.deepEqual(await screenOn(second), [], "nothing registered yet");
    const created = await post(first, "/api/v1/entities", contributorKey, {
      schema: "Person",
      properties: { name: [SUBJECT.name], birthDate: [SUBJECT.birthDate] },
      handling: "AMBER",
    });
    assert.equal(created.status, 201, await created.clone().text());
    const { id } = (await created.json()) as { id: string };

    const seen = await until("the second process to see the new record", async () => {
      const matches = await screenOn(second);
      return matches.length > 0 ? matches : undefined;
    });
    assert.deepEqual(seen[0]?.names, [SUBJECT.name]);

    const withdrawn = await post(first, `/api/v1/entities/${id}/withdraw`, contributorKey, {});
    assert.equal(withdrawn.status, 200, await withdrawn.clone().text());
    for (const base of bases) {
      await until(`${base} to stop hitting the withdrawn record`, async () =>
        (await screenOn(base)).length === 0 ? true : undefined,
      );
    }
  });
});
