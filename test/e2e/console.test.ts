/**
 * The web console in a real browser (Debian's Chromium through playwright-core) against a real server on a
 * free port with a fresh in-memory store: sign-in by API key and by user name and password, role-driven navigation, the manifest → alert → decision
 * → audit flow, what a hit/no-hit recipient sees, and an axe-core check of each main page. Screenshots of
 * the main pages go to test-results/console/ for a person to look at.
 */
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { mkdirSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import type { AddressInfo } from "node:net";
import { after, before, describe, test } from "node:test";
import { fileURLToPath } from "node:url";
import type { FastifyInstance } from "fastify";
import { type Browser, chromium, type Page } from "playwright-core";
import { buildServer } from "../../src/api/server.ts";
import { systemClock } from "../../src/platform/clock.ts";
import { importEntities } from "../../src/registry/import.ts";
import { listEntities } from "../../src/registry/queries.ts";
import { SYNTHETIC_DATASET, syntheticPeople } from "../../src/registry/synthetic.ts";
import { addAgency } from "../../src/sharing/agencies.ts";
import { createKey } from "../../src/sharing/api-keys.ts";
import { addArrangement } from "../../src/sharing/arrangements.ts";
import { LOCAL_OPERATOR } from "../../src/sharing/context.ts";
import type { Role } from "../../src/sharing/types.ts";
import { addUser, setPassword } from "../../src/sharing/users.ts";
import { dataPath } from "../support/data.ts";
import { pgliteTestStore, type TestStore } from "../support/stores.ts";

const REPO = fileURLToPath(new URL("../../", import.meta.url));
const SHOTS = `${REPO}test-results/console/`;
const CHROMIUM_ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];
const AXE_SCRIPT = createRequire(import.meta.url).resolve("axe-core/axe.min.js");
const MANIFEST = dataPath("travel-messages/paxlst/gtas_wco_flight2.edi");
/** Written in Arabic script on the record, so the profile must render it right to left. */
const ARABIC_ALIAS = "روبن ثيبو";
/** A few synthetic demo people, so the demo banner must show. */
const DEMO_PEOPLE = 3;
/** A person of the border agency who signs in by name: a screener. */
const PERSON = { username: "lotte.visser", password: "tulips along the canal at dawn" };

/** The one browser global these tests call inside the page (the test files are compiled without DOM types). */
declare const getComputedStyle: (element: unknown) => { direction: string };

let testStore: TestStore;
let app: FastifyInstance;
let browser: Browser;
let base: string;
const keys = {} as Record<"screener" | "admin" | "auditor" | "originator" | "hitOnly", string>;
let routes: Set<string>;

async function keyFor(agencyId: string, roles: Role[]): Promise<string> {
  const context = { actor: LOCAL_OPERATOR, clock: systemClock };
  return (await createKey(testStore.store.db, { agencyId, roles }, context)).key;
}

/** Two border agencies (one sees full records, one only hit/no-hit) and the police unit that listed the person. */
async function seed(): Promise<void> {
  const { db } = testStore.store;
  const context = { actor: LOCAL_OPERATOR, clock: systemClock };
  const police = await addAgency(db, { country: "DE", name: "BKA FTF unit", type: "police" }, context);
  const border = await addAgency(db, { country: "NL", name: "KMar PIU", type: "border" }, context);
  const other = await addAgency(db, { country: "FR", name: "UIP France", type: "border" }, context);
  await importEntities(db, {
    source: "test",
    dataset: "e2e-watchlist",
    file: "console.test.ts",
    actor: "e2e",
    originator: police.id,
    handling: "AMBER",
    entities: [
      {
        id: "e2e-thebault",
        schema: "Person",
        properties: {
          name: ["RUBEN THEBAULT"],
          alias: [ARABIC_ALIAS],
          firstName: ["RUBEN"],
          lastName: ["THEBAULT"],
          birthDate: ["1945-01-11"],
          nationality: ["er"],
          gender: ["male"],
          passportNumber: ["700731195"],
        },
      },
    ],
  });
  await importEntities(db, {
    source: "synthetic",
    dataset: SYNTHETIC_DATASET,
    file: "faker (synthetic)",
    actor: "e2e",
    entities: syntheticPeople(DEMO_PEOPLE),
    handling: "CLEAR",
  });
  const purposes = ["border-screening"];
  await addArrangement(db, { from: police.id, to: border.id, disclosure: "full", purposes }, context);
  await addArrangement(db, { from: police.id, to: other.id, disclosure: "hit-no-hit", purposes }, context);
  keys.screener = await keyFor(border.id, ["screener"]);
  keys.admin = await keyFor(border.id, ["admin"]);
  keys.auditor = await keyFor(border.id, ["auditor"]);
  keys.originator = await keyFor(police.id, ["contributor", "admin"]);
  keys.hitOnly = await keyFor(other.id, ["screener"]);
  const { id } = await addUser(
    db,
    { agencyId: border.id, username: PERSON.username, name: "Lotte Visser", roles: ["screener"] },
    context,
  );
  await setPassword(db, id, PERSON.password, context);
}

before(async () => {
  const built = spawnSync(process.execPath, [`${REPO}scripts/build-web.mjs`], { stdio: "inherit" });
  assert.equal(built.status, 0, "the console must build");
  mkdirSync(SHOTS, { recursive: true });
  testStore = await pgliteTestStore();
  await seed();
  app = await buildServer({ store: testStore.store, config: { bodyLimitBytes: 10 * 1024 * 1024 } });
  await app.listen({ port: 0, host: "127.0.0.1" });
  base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
  const openapi = (await (await fetch(`${base}/api/docs/json`)).json()) as { paths: Record<string, object> };
  routes = new Set(
    Object.entries(openapi.paths).flatMap(([path, methods]) =>
      Object.keys(methods).map((m) => `${m.toUpperCase()} ${path}`),
    ),
  );
  browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: CHROMIUM_ARGS });
});

after(async () => {
  await browser?.close();
  await app?.close();
  await testStore?.dispose();
});

/** A page in a fresh browser context (own cookies); waits fail after 10 s rather than Playwright's 30. */
async function newPage(): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  context.setDefaultTimeout(10_000);
  return context.newPage();
}

/** Switches the sign-in form to API keys (it opens on user name and password). */
async function chooseApiKey(page: Page): Promise<void> {
  await page.getByRole("radio", { name: "An API key" }).check();
}

/** A fresh browser context (own cookies) signed in through the form with one of the seeded keys. */
async function signedIn(key: string): Promise<Page> {
  const page = await newPage();
  await page.goto(base);
  await chooseApiKey(page);
  await page.getByLabel("API key", { exact: true }).fill(key);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.getByRole("navigation", { name: "Main" }).waitFor();
  return page;
}

/** axe-core on the page as it stands: no WCAG 2 A/AA violation. */
async function assertAccessible(page: Page, what: string): Promise<void> {
  await page.addScriptTag({ path: AXE_SCRIPT });
  const result = (await page.evaluate(
    "axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } })",
  )) as { violations: { id: string; help: string; nodes: { target: string[] }[] }[] };
  const found = result.violations.map(
    (v) => `${v.id} (${v.help}): ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`,
  );
  assert.deepEqual(found, [], `${what} has accessibility violations`);
}

async function shoot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: `${SHOTS}${name}.png`, fullPage: true });
}

async function entityCount(dataset: string): Promise<number> {
  const { total } = await listEntities(testStore.store.db, { dataset, limit: 1, offset: 0 });
  return total;
}

/** Searches the listed person from the console's search page and waits for the answer. */
async function searchThebault(page: Page): Promise<void> {
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Search a person" }).click();
  await page.getByLabel("Name").fill("Ruben Thebault");
  await page.getByLabel("Birth date").fill("1945-01-11");
  await page.getByLabel("Document number").fill("700731195");
  await page.getByRole("button", { name: "Search" }).click();
  await page.getByRole("heading", { name: "1 match" }).waitFor();
}

function offers(...needs: string[]): boolean {
  return needs.every((need) => routes.has(need));
}

describe("web console in Chromium", () => {
  test("sign-in page: a bad key is refused with the server's words, a good one opens the dashboard", async () => {
    const page = await newPage();
    await page.goto(base);
    await chooseApiKey(page);
    await assertAccessible(page, "sign-in page (API key)");
    await shoot(page, "sign-in");
    await page
      .getByLabel("API key", { exact: true })
      .fill("ftfx_00000000000000000000_not-a-real-key-not-a-real-key-not-a-rea");
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.getByRole("alert").filter({ hasText: "unknown or revoked" }).waitFor();
    await page.getByLabel("API key", { exact: true }).fill(keys.screener);
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.getByRole("heading", { name: /Dashboard — KMar PIU/ }).waitFor();
    const banner = page.getByRole("note").filter({ hasText: "Synthetic demo data loaded" });
    const records = await entityCount(SYNTHETIC_DATASET);
    assert.ok(records >= DEMO_PEOPLE);
    await banner.filter({ hasText: `${records} invented records` }).waitFor();
    // Registry size: the demo dataset and my agency's own records only; another agency's list stays its own.
    const sizes = page.locator("table").filter({ hasText: "Active records" });
    await sizes.getByRole("row", { name: `demo-synthetic local ${records}` }).waitFor();
    assert.equal(await sizes.getByRole("row", { name: /e2e-watchlist/ }).count(), 0);
    await assertAccessible(page, "dashboard");
    await shoot(page, "dashboard");
    // The session is an httpOnly cookie: page scripts cannot read it.
    assert.equal(await page.evaluate("document.cookie"), "");
    const cookies = await page.context().cookies();
    assert.ok(cookies.some((c) => c.name === "ftfx_session" && c.httpOnly && c.sameSite === "Strict"));
    await page.context().close();
  });

  test("sign-in by user name and password: by keyboard alone, one refusal for a wrong password or an unknown name, then the person's navigation", async () => {
    const page = await newPage();
    await page.goto(base);
    await page.getByRole("heading", { name: "Sign in", level: 1 }).waitFor();
    await assertAccessible(page, "sign-in page (user name and password)");
    await shoot(page, "sign-in-password");
    // The form opens on user name and password; Tab reaches the method choice with a visible focus ring,
    // the arrow keys switch to the API key and back, and Tab goes on to the fields.
    const focused = (what: string) => page.evaluate(`document.activeElement.${what}`);
    await page.keyboard.press("Tab"); // skip link
    await page.keyboard.press("Tab");
    assert.equal(await focused("value"), "password");
    assert.equal(await page.evaluate("getComputedStyle(document.activeElement).outlineStyle"), "solid");
    await page.keyboard.press("ArrowRight");
    assert.equal(await focused("value"), "key");
    await page.getByLabel("API key", { exact: true }).waitFor();
    assert.equal(await page.getByLabel("Password", { exact: true }).count(), 0);
    await page.keyboard.press("ArrowLeft");
    await page.keyboard.press("Tab");
    assert.equal(await focused("id"), "username");
    await page.keyboard.type(PERSON.username);
    await page.keyboard.press("Tab");
    assert.equal(await focused("id"), "password");
    await page.keyboard.type("not the password at all");
    await page.keyboard.press("Enter");
    const refusal = page.getByRole("alert").filter({ hasText: "wrong user name or password" });
    await refusal.waitFor();
    const wrongPassword = await refusal.textContent();
    assert.equal(
      await page.getByLabel("Password", { exact: true }).inputValue(),
      "",
      "a refused password is not kept",
    );
    await page.getByLabel("User name", { exact: true }).fill("nobody.by.that.name");
    await page.getByLabel("Password", { exact: true }).fill(PERSON.password);
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.getByRole("button", { name: "Sign in" }).and(page.locator(":enabled")).waitFor();
    assert.equal(await refusal.textContent(), wrongPassword, "an unknown name gets the same answer");
    await assertAccessible(page, "sign-in refusal");
    await shoot(page, "sign-in-password-refused");

    await page.getByLabel("User name", { exact: true }).fill(PERSON.username.toUpperCase());
    await page.getByLabel("Password", { exact: true }).fill(PERSON.password);
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.getByRole("heading", { name: /Dashboard — KMar PIU/ }).waitFor();
    await page.getByText(`${PERSON.username} · KMar PIU · screener`).waitFor();
    const nav = page.getByRole("navigation", { name: "Main" });
    await nav.getByRole("link", { name: "Upload manifest" }).waitFor();
    assert.equal(await nav.getByRole("link", { name: "Arrangements" }).count(), 0, "a screener has none");
    assert.equal(await nav.getByRole("link", { name: "Audit log" }).count(), 0);
    await shoot(page, "dashboard-password");
    assert.equal(await page.evaluate("document.cookie"), "");
    const cookies = await page.context().cookies();
    assert.ok(cookies.some((c) => c.name === "ftfx_session" && c.httpOnly && c.sameSite === "Strict"));
    await page.getByRole("button", { name: "Sign out" }).click();
    await page.getByRole("heading", { name: "Sign in", level: 1 }).waitFor();
    await page.reload();
    await page.getByRole("heading", { name: "Sign in", level: 1 }).waitFor();
    await page.context().close();
  });

  test("session cookie: acts as its key, writes only with the console header, ends at sign-out", async () => {
    const signIn = await fetch(`${base}/api/v1/session`, {
      method: "POST",
      headers: { authorization: `Bearer ${keys.auditor}` },
    });
    assert.equal(signIn.status, 200);
    const cookie = (signIn.headers.get("set-cookie") ?? "").split(";")[0] ?? "";
    assert.match(cookie, /^ftfx_session=.{40,}/);
    const asCookie = (path: string, init: RequestInit = {}) =>
      fetch(`${base}${path}`, { ...init, headers: { cookie, ...init.headers } });
    const me = (await (await asCookie("/api/v1/session")).json()) as { roles: string[] };
    assert.deepEqual(me.roles, ["auditor"]);
    assert.equal((await asCookie("/api/v1/audit/verify")).status, 200);
    assert.equal((await asCookie("/api/v1/arrangements", { method: "POST" })).status, 403);
    const read = { method: "POST", body: JSON.stringify({ ids: [] }) };
    const json = { "content-type": "application/json" };
    assert.equal((await asCookie("/api/v1/notifications/read", { ...read, headers: json })).status, 403);
    const withHeader = { ...json, "x-ftfx-console": "1" };
    assert.equal(
      (await asCookie("/api/v1/notifications/read", { ...read, headers: withHeader })).status,
      204,
    );
    const signOut = await asCookie("/api/v1/session", {
      method: "DELETE",
      headers: { "x-ftfx-console": "1" },
    });
    assert.equal(signOut.status, 204);
    assert.equal((await asCookie("/api/v1/session")).status, 401);
  });

  test("client routes get the console, API paths keep their problems", async () => {
    const deepLink = await fetch(`${base}/alerts/alr_whatever`);
    assert.equal(deepLink.status, 200);
    assert.match(await deepLink.text(), /<div id="root">/);
    assert.equal((await fetch(`${base}/assets/missing.js`)).status, 404);
    const api = await fetch(`${base}/api/v1/entities`);
    assert.equal(api.status, 401);
    assert.equal(api.headers.get("content-type"), "application/problem+json; charset=utf-8");
  });

  test("keyboard and roles: skip link with a focus ring; a screener has no arrangements page, an admin has", async () => {
    const screener = await signedIn(keys.screener);
    // Keyboard: after sign-in, focus is on the page; on a fresh load the first Tab reaches "Skip to content",
    // with a visible focus ring, and Enter moves to the page.
    assert.equal(await screener.evaluate("document.activeElement.id"), "main");
    await screener.reload();
    await screener.getByRole("navigation", { name: "Main" }).waitFor();
    await screener.keyboard.press("Tab");
    assert.equal(await screener.evaluate("document.activeElement.textContent"), "Skip to content");
    assert.equal(await screener.evaluate("getComputedStyle(document.activeElement).outlineStyle"), "solid");
    await screener.keyboard.press("Enter");
    assert.equal(await screener.evaluate("document.activeElement.id"), "main");
    const nav = screener.getByRole("navigation", { name: "Main" });
    assert.equal(await nav.getByRole("link", { name: "Arrangements" }).count(), 0);
    await screener.goto(`${base}/arrangements`);
    await screener.getByRole("heading", { name: "Not allowed" }).waitFor();
    assert.equal(await screener.getByRole("heading", { name: "Arrangements" }).count(), 0);
    await screener.context().close();

    const admin = await signedIn(keys.admin);
    await admin.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Arrangements" }).click();
    await admin.getByRole("heading", { name: "Arrangements", level: 1 }).waitFor();
    await admin.getByRole("cell", { name: "full" }).waitFor();
    await assertAccessible(admin, "arrangements page");
    await shoot(admin, "arrangements");
    await admin.context().close();
  });

  test("entity profile: names in every script (Arabic right to left), handling, who may see it", async () => {
    const page = await signedIn(keys.originator);
    await page.goto(`${base}/entities/e2e-thebault`);
    await page.getByRole("heading", { name: "RUBEN THEBAULT", level: 1 }).waitFor();
    const alias = page.getByText(ARABIC_ALIAS, { exact: true });
    assert.equal(await alias.getAttribute("dir"), "auto");
    assert.equal(await alias.evaluate((element) => getComputedStyle(element).direction), "rtl");
    await page.getByText("TLP:AMBER").first().waitFor();
    const whoMaySee = page.locator("table").filter({ hasText: "Recipient" });
    await whoMaySee.getByRole("cell", { name: "hit-no-hit" }).waitFor();
    await whoMaySee.getByRole("cell", { name: "full" }).waitFor();
    await assertAccessible(page, "entity profile");
    await shoot(page, "entity-profile");
    const nav = page.getByRole("navigation", { name: "Main" });
    await nav.getByRole("link", { name: "Registry" }).click();
    await page.getByRole("link", { name: "RUBEN THEBAULT" }).waitFor();
    await assertAccessible(page, "registry list");
    await nav.getByRole("link", { name: "Review queue" }).click();
    await page.getByText("Nothing is due for review.").waitFor();
    await assertAccessible(page, "review queue");
    await page.context().close();
  });

  test("audit log: the live verification of the hash chain is shown to an auditor", async () => {
    const page = await signedIn(keys.auditor);
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Audit log" }).click();
    await page.getByRole("heading", { name: "Hash chain verified" }).waitFor();
    await page.getByRole("cell", { name: "arrangement.add" }).first().waitFor();
    await assertAccessible(page, "audit log");
    await shoot(page, "audit");
    await page.context().close();
  });

  test("manifest upload → alert → explanation → dismissal with a reason → the decision in the audit log", async (t) => {
    const needs = ["POST /api/v1/manifests", "GET /api/v1/alerts/{id}", "POST /api/v1/alerts/{id}/decision"];
    if (!offers(...needs))
      return t.skip(`the server lacks ${needs.filter((n) => !routes.has(n)).join(", ")}`);
    const page = await signedIn(keys.screener);
    await page
      .getByRole("navigation", { name: "Main" })
      .getByRole("link", { name: "Upload manifest" })
      .click();
    await assertAccessible(page, "manifest upload");
    // A real drop event carrying the file, as a person dragging it from the desktop makes.
    const text = readFileSync(MANIFEST, "utf8");
    await page.evaluate(
      `(() => {
        const data = new DataTransfer();
        data.items.add(new File([${JSON.stringify(text)}], "gtas_wco_flight2.edi", { type: "text/plain" }));
        document.querySelector(".dropzone").dispatchEvent(new DragEvent("drop", { dataTransfer: data, bubbles: true }));
      })()`,
    );
    // One traveller per NAD+FL (passenger) or NAD+FM (crew) segment of the message.
    const travellers = (text.match(/^NAD\+F[LM]\+/gm) ?? []).length;
    const flightLine = new RegExp(`Flight FI 615 KEF → JFK.*: ${travellers} travellers screened, 1 alert$`);
    await page.getByRole("heading", { name: flightLine }).waitFor();
    await page.locator("figure.evidence svg").first().waitFor();
    await shoot(page, "manifest-result");
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Dashboard" }).click();
    const screened = page.getByRole("region", { name: "Screened today" });
    await screened.locator(".big", { hasText: new RegExp(`^${travellers}$`) }).waitFor();
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Alerts" }).click();
    await page
      .getByRole("link", { name: /THEBAULT/ })
      .first()
      .click();
    await page.getByRole("heading", { name: /Alert: .*THEBAULT/ }).waitFor();
    const figure = page.locator("figure.evidence").first();
    await figure.locator("svg").first().waitFor();
    // The bars' weights add up to the sum shown.
    const weights = await figure.locator("tbody td.num").allTextContents();
    const sum = Number((await figure.locator("tfoot td.num").textContent()) ?? "NaN");
    assert.ok(weights.length > 0);
    const added = weights.reduce((total, w) => total + Number(w), 0);
    assert.ok(Math.abs(added - sum) <= 0.01 * weights.length, `weights ${weights.join("+")} ≠ ${sum}`);
    await assertAccessible(page, "alert detail");
    await shoot(page, "alert-detail");

    await page.getByRole("button", { name: "Dismiss" }).click();
    await page.getByText("Give a reason before deciding.").waitFor();
    const reason = `Different person: birth date and passport differ (e2e ${Date.now()})`;
    await page.getByLabel(/Reason/).fill(reason);
    await page.getByRole("button", { name: "Dismiss" }).click();
    await page.getByText("This alert is dismissed; decisions are final.").waitFor();
    assert.equal(await page.getByRole("button", { name: "Dismiss" }).count(), 0);
    await page.locator("ol.history").getByText(reason, { exact: false }).waitFor();
    await page.context().close();

    const auditor = await signedIn(keys.auditor);
    await auditor.goto(`${base}/audit`);
    await auditor.getByLabel("Filter").fill(reason);
    await auditor.locator("table.audit tbody tr").filter({ hasText: reason }).first().waitFor();
    await shoot(auditor, "audit-decision");
    await auditor.context().close();
  });

  test("a hit/no-hit recipient sees that there is a hit and whom to ask, and no personal data", async (t) => {
    if (!offers("POST /api/v1/match")) return t.skip("the server lacks POST /api/v1/match");
    const page = await signedIn(keys.hitOnly);
    await searchThebault(page);
    await page.getByText(/Hit only — reference ref_/).waitFor();
    const results = (await page.locator("section[aria-labelledby='results-title']").textContent()) ?? "";
    for (const personal of ["THEBAULT", "Thebault", "1945", "700731195", ARABIC_ALIAS, "e2e-thebault"]) {
      assert.ok(!results.includes(personal), `the hit/no-hit answer shows ${personal}: ${results}`);
    }
    await assertAccessible(page, "search results");
    await shoot(page, "search-hit-no-hit");
    await page.context().close();
  });

  test("follow-up: the recipient asks about a hit, the originator sees it waiting and approves, the recipient then sees a summary", async (t) => {
    if (!offers("POST /api/v1/match", "POST /api/v1/follow-ups", "POST /api/v1/follow-ups/{id}/approve")) {
      return t.skip("the server lacks the match or follow-up routes");
    }
    const recipient = await signedIn(keys.hitOnly);
    await searchThebault(recipient);
    const reference = (await recipient.locator("article.match code").first().textContent()) ?? "";
    assert.match(reference, /^ref_/);
    await recipient
      .getByRole("navigation", { name: "Main" })
      .getByRole("link", { name: "Follow-ups" })
      .click();
    await recipient.getByLabel("Reference shown with the hit").fill(reference);
    await recipient.getByLabel("Level asked for").selectOption("summary");
    await recipient.getByLabel("Reason").fill("Traveller held at the border; identity to be confirmed");
    await recipient.getByRole("button", { name: "Send request" }).click();
    await recipient.getByRole("cell", { name: "pending" }).waitFor();

    const originator = await signedIn(keys.originator);
    const waiting = originator.getByRole("region", { name: "Follow-up requests waiting for me" });
    await waiting.locator(".big", { hasText: /^1$/ }).waitFor();
    const hits = originator.getByRole("region", { name: "Hits on my agency's records" });
    await hits.locator(".big", { hasText: /^[1-9]\d*$/ }).waitFor();
    const listed = await entityCount("e2e-watchlist");
    await originator.getByRole("row", { name: `e2e-watchlist BKA FTF unit (DE) ${listed}` }).waitFor();
    await shoot(originator, "dashboard-originator");
    await originator
      .getByRole("navigation", { name: "Main" })
      .getByRole("link", { name: "Notifications" })
      .click();
    await originator.locator(".inbox li").filter({ hasText: "hit" }).first().waitFor();
    await assertAccessible(originator, "notifications");
    await shoot(originator, "notifications");
    await originator
      .getByRole("navigation", { name: "Main" })
      .getByRole("link", { name: "Follow-ups" })
      .click();
    await originator.getByRole("button", { name: "Approve" }).click();
    await originator.getByRole("cell", { name: /^approved/ }).waitFor();
    await assertAccessible(originator, "follow-ups");
    await shoot(originator, "follow-ups");
    await originator.context().close();

    await searchThebault(recipient);
    const card = recipient.locator("article.match").first();
    await card.getByText("disclosed: summary").waitFor();
    await card.getByText("RUBEN THEBAULT").first().waitFor();
    await recipient.context().close();
  });
});
