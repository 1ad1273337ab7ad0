// End-to-end walk through the dashboard in headless Chromium (playwright-core, system chromium).
//
//   BASE_URL=http://127.0.0.1:8000 TOKEN=... OUT_DIR=../screenshots node e2e/dashboard.mjs
//
// Loads the overview, filters the event table, opens an event, corrects it, opens its document,
// an actor and the API docs; saves a screenshot of each page in OUT_DIR and prints a JSON summary.
// Fails (exit 1) on any request leaving the machine, any dialog (an injected script ran),
// any page error, or any step that does not show what it should.
import { mkdir } from "node:fs/promises";
import { join } from "node:path";
import { chromium } from "playwright-core";

const base = process.env.BASE_URL || "http://127.0.0.1:8000";
const token = process.env.TOKEN || "";
const outDir = process.env.OUT_DIR || "screenshots";
const hostileDoc = process.env.HOSTILE_DOC || "";
const FLAGS = [
  "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
  "--disable-component-update", "--disable-sync", "--no-first-run",
];

const result = { ok: false, steps: [], external: [], dialogs: [], errors: [] };

function check(condition, what) {
  if (!condition) throw new Error(`check failed: ${what}`);
  result.steps.push(what);
}

async function shot(page, name) {
  await page.screenshot({ path: join(outDir, `${name}.png`), fullPage: true });
}

async function ready(page, url) {
  await page.goto(url);
  await page.waitForSelector("body[data-ready=true]", { timeout: 20000 });
}

async function overview(page) {
  await ready(page, `${base}/#token=${token}`);
  await page.waitForSelector("#network[data-ready]", { timeout: 20000 });
  check((await page.locator("#timeline rect.bar").count()) > 0, "timeline has bars");
  check((await page.locator("#map path.land").count()) > 100, "basemap drawn");
  check((await page.locator("#map circle.dot").count()) > 0, "map has event dots");
  check(Number(await page.getAttribute("#network", "data-ready")) > 1, "network has actors");
  check(!page.url().includes("token="), "token removed from the address bar");
  await shot(page, "overview");
}

async function filterTable(page) {
  await ready(page, `${base}/events`);
  const all = await page.locator("tr.event-row").count();
  const type = (await page.locator("tr.event-row a.event-link strong").first().textContent()).trim();
  await page.selectOption("select[name=type]", type);
  await Promise.all([page.waitForURL(/type=/), page.click("#filters button[type=submit]")]);
  const types = await page.locator("tr.event-row a.event-link strong").allTextContents();
  check(types.length > 0 && types.every((t) => t.trim() === type), `table filtered to ${type}`);
  check(types.length <= all, "filter narrows the table");
  await shot(page, "events");
  return type;
}

async function reviewEvent(page, type) {
  await Promise.all([page.waitForURL(/\/events\/[0-9a-f]+$/), page.click("tr.event-row a.event-link")]);
  await page.waitForSelector("body[data-ready=true]");
  const eventId = page.url().split("/").pop();
  check((await page.locator("#sentence mark.m-trigger").count()) === 1, "trigger highlighted");
  check((await page.locator("#rule").textContent()).trim().length > 0, "rule shown");
  await shot(page, "event");
  const options = await page.locator("select[name=event_type] option").allTextContents();
  const corrected = options.find((o) => o && o !== type && !o.startsWith("("));
  await page.selectOption("select[name=event_type]", corrected);
  await page.fill("input[name=note]", "e2e: type corrected");
  await Promise.all([page.waitForEvent("load"), page.click("button[data-verdict=corrected]")]);
  await page.waitForSelector("#reviews li.verdict-corrected", { timeout: 10000 });
  check((await page.locator("#reviews li.review").first().textContent()).includes(corrected), `corrected to ${corrected}`);
  await shot(page, "event-reviewed");
  return { eventId, corrected };
}

async function documentPage(page) {
  await Promise.all([page.waitForURL(/\/documents\//), page.click(".sources a")]);
  check((await page.locator("#doc-text mark.m-trigger").count()) > 0, "document events highlighted");
  await shot(page, "document");
}

async function actorPage(page) {
  await Promise.all([page.waitForURL(/\/actors\//), page.click("a.actor")]);
  await page.waitForSelector("body[data-ready=true]");
  check((await page.locator("#timeline rect.bar").count()) > 0, "actor timeline drawn");
  await shot(page, "actor");
}

async function hostilePage(page) {
  await ready(page, `${base}/documents/${hostileDoc}`);
  check((await page.locator("#doc-title").textContent()).includes("<script>"), "hostile title shown as text");
  check((await page.locator("#doc-text img").count()) === 0, "hostile markup not rendered");
}

async function apiDocs(page) {
  await page.goto(`${base}/docs`);
  await page.waitForSelector(".swagger-ui .opblock", { timeout: 20000 });
  check((await page.locator(".swagger-ui .opblock").count()) > 5, "API docs rendered offline");
}

await mkdir(outDir, { recursive: true });
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
  headless: true,
  args: FLAGS,
});
try {
  const context = await browser.newContext({ viewport: { width: 1360, height: 900 } });
  const baseHost = new URL(base).host;
  await context.route("**/*", (route) => {
    const url = new URL(route.request().url());
    if (url.host === baseHost || url.protocol === "data:") return route.continue();
    result.external.push(url.href);
    return route.abort();
  });
  const page = await context.newPage();
  page.on("dialog", (dialog) => {
    result.dialogs.push(dialog.message());
    dialog.dismiss();
  });
  page.on("pageerror", (error) => result.errors.push(String(error)));
  await overview(page);
  const type = await filterTable(page);
  Object.assign(result, await reviewEvent(page, type));
  await documentPage(page);
  await actorPage(page);
  if (hostileDoc) await hostilePage(page);
  await apiDocs(page);
  check(result.external.length === 0, "no request left the machine");
  check(result.dialogs.length === 0, "no script injected");
  check(result.errors.length === 0, "no page errors");
  result.ok = true;
} catch (error) {
  result.failure = String(error);
} finally {
  await browser.close();
}
console.log(JSON.stringify(result));
process.exit(result.ok ? 0 : 1);
