import assert from "node:assert/strict";
import { createServer, type IncomingHttpHeaders, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { after, before, describe, test } from "node:test";
import { fixedClock } from "../../src/platform/clock.ts";
import { addAgency, listAgencies } from "../../src/sharing/agencies.ts";
import { findAudit } from "../../src/sharing/audit-log.ts";
import { LOCAL_OPERATOR, type SharingContext } from "../../src/sharing/context.ts";
import { listNotifications, notify } from "../../src/sharing/notifications.ts";
import { deliverWebhooks, setWebhook, verifyWebhookSignature } from "../../src/sharing/webhooks.ts";
import { STORE_KINDS, type TestStore } from "../support/stores.ts";

const clock = fixedClock("2026-06-01T00:00:00Z");
const operator: SharingContext = { actor: LOCAL_OPERATOR, clock };

interface Received {
  headers: IncomingHttpHeaders;
  body: string;
}

for (const kind of STORE_KINDS) {
  describe(`signed webhooks on ${kind.name}`, () => {
    let testStore: TestStore;
    let server: Server;
    let url: string;
    const received: Received[] = [];
    let status = 200;

    before(async () => {
      testStore = await kind.open();
      server = createServer((request, response) => {
        let body = "";
        request.on("data", (chunk) => {
          body += chunk;
        });
        request.on("end", () => {
          received.push({ headers: request.headers, body });
          response.statusCode = status;
          response.end();
        });
      });
      await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
      url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`;
    });
    after(async () => {
      await new Promise((resolve) => server.close(resolve));
      await testStore.dispose();
    });

    test("notifications reach the agency's webhook signed, once; failures are retried; others' stay home", async () => {
      const { db } = testStore.store;
      const nl = await addAgency(db, { country: "NL", name: "NL unit", type: "police" }, operator);
      const de = await addAgency(db, { country: "DE", name: "DE unit", type: "border" }, operator);
      const set = await setWebhook(db, nl.id, url, operator);
      assert.match(set?.secret ?? "", /^whsec_/);
      assert.ok(
        !JSON.stringify(await listAgencies(db)).includes(set?.secret ?? "?"),
        "the secret is never listed",
      );
      const audit = await findAudit(db, { action: "agency.webhook", subject: nl.id });
      assert.ok(audit.length === 1 && !JSON.stringify(audit[0]?.body).includes(set?.secret ?? "?"));

      await notify(db, nl.id, "hit", { reference: "ref_1", purpose: "border-screening" }, clock.now());
      await notify(db, de.id, "hit", { reference: "ref_2", purpose: "analysis" }, clock.now());
      status = 500;
      assert.deepEqual(await deliverWebhooks(db, { clock }), { delivered: 0, failed: 1 });
      status = 200;
      assert.deepEqual(await deliverWebhooks(db, { clock }), { delivered: 1, failed: 0 });
      assert.deepEqual(await deliverWebhooks(db, { clock }), { delivered: 0, failed: 0 });

      assert.equal(received.length, 2);
      const last = received.at(-1) as Received;
      const timestamp = String(last.headers["x-ftfx-timestamp"]);
      const signature = String(last.headers["x-ftfx-signature"]);
      assert.ok(verifyWebhookSignature(set?.secret ?? "", timestamp, last.body, signature));
      assert.ok(
        !verifyWebhookSignature(set?.secret ?? "", timestamp, last.body.replace("ref_1", "ref_9"), signature),
      );
      const payload = JSON.parse(last.body);
      assert.deepEqual(
        { agencyId: payload.agencyId, kind: payload.kind, body: payload.body },
        {
          agencyId: nl.id,
          kind: "hit",
          body: { reference: "ref_1", purpose: "border-screening" },
        },
      );
      const [kept] = await listNotifications(db, nl.id, { limit: 5 });
      assert.equal(kept?.id, payload.id, "the inbox keeps it too");

      await assert.rejects(setWebhook(db, nl.id, "ftp://example.org/x", operator), /http/);
      assert.equal(await setWebhook(db, nl.id, null, operator), null);
      await notify(db, nl.id, "hit", { reference: "ref_3" }, clock.now());
      assert.deepEqual(await deliverWebhooks(db, { clock }), { delivered: 0, failed: 0 });
    });
  });
}
