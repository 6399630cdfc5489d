// Browser tests in real Chromium (Debian's package, driven by playwright-core) against the
// Worker under `wrangler dev`: a person filling in the form with and without JavaScript.
import { chromium } from "playwright-core";
import { extractText, getDocumentProxy } from "unpdf";
import { serveLocal } from "./serve-local.mjs";

const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const results = [];
async function test(name, fn) {
  const started = Date.now();
  try {
    await fn();
    results.push({ name, ok: true });
    console.log(`✓ ${name} (${Date.now() - started} ms)`);
  } catch (err) {
    results.push({ name, ok: false });
    console.log(`✗ ${name}\n  ${err?.stack ?? err}`);
  }
}
function assert(cond, message) {
  if (!cond) throw new Error(message);
}

const server = await serveLocal({ port: 8791 });
const browser = await chromium.launch({
  executablePath: CHROMIUM,
  args: [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
  ],
});

async function fillContact(page) {
  await page.getByLabel("Firma", { exact: true }).fill("Żółta Łódź sp. z o.o.");
  await page.getByLabel("Imię i nazwisko").fill("Łukasz Ząb");
  await page.getByLabel("E-mail", { exact: true }).fill("lukasz@example.pl");
  await page.getByLabel("NIP (opcjonalnie)").fill("856-734-62-15");
}

try {
  await test("with JavaScript: the live estimate follows the number of users, and a submission lands on the quote", async () => {
    const context = await browser.newContext({ locale: "pl-PL" });
    const page = await context.newPage();
    const errors = [];
    page.on("pageerror", (e) => errors.push(String(e)));
    page.on("console", (m) => m.type() === "error" && errors.push(m.text()));
    await page.goto(`${server.base}/`);
    const estimate = page.locator("#estimate-body");
    const users = page.getByLabel("Ile osób (lub agentów) korzysta jednocześnie?");
    await users.fill("2");
    await page.waitForFunction(() => document.querySelector("#estimate-body")?.getAttribute("data-tier"));
    const small = await estimate.textContent();
    const smallTier = await estimate.getAttribute("data-tier");
    await users.fill("80");
    await page.waitForFunction((before) => {
      const el = document.querySelector("#estimate-body");
      return el && el.textContent !== before && el.getAttribute("data-tier");
    }, small);
    const large = await estimate.textContent();
    assert(large !== small, `estimate did not change: ${large}`);
    console.log(`  estimate for 2 users: ${small}\n  estimate for 80 users: ${large}`);
    assert((await estimate.getAttribute("data-tier")) !== smallTier || large !== small, "tier did not change");
    await users.fill("2");
    await fillContact(page);
    await page.waitForTimeout(3_100); // a person takes longer than the bot threshold
    await page.getByRole("button", { name: "Poproś o wycenę" }).click();
    await page.waitForURL(/\/q\/[A-Za-z0-9_-]{43}\?new=1/);
    const number = await page.getByTestId("quote-number").innerText();
    assert(/^OF\/\d{4}\/\d{5}$/.test(number), `quote number: ${number}`);
    assert((await page.locator(`a[href*="/q/"]`).count()) > 0, "no quote link");
    assert(errors.length === 0, `page errors: ${errors.join("; ")}`);

    // The quote printed by Chromium fits on at most three A4 pages.
    const pdf = await page.pdf({ format: "A4", printBackground: false });
    const doc = await getDocumentProxy(new Uint8Array(pdf));
    assert(doc.numPages <= 3, `printed quote has ${doc.numPages} pages`);
    const { text } = await extractText(doc, { mergePages: true });
    assert(text.includes(number), "printed quote lacks its number");
    assert(!text.includes("Akceptuję wycenę"), "the accept form is printed");
    console.log(`  printed quote: ${doc.numPages} A4 page(s)`);
    await context.close();
  });

  await test("with JavaScript: errors appear beside their fields and focus moves to the first", async () => {
    const context = await browser.newContext({ locale: "pl-PL" });
    const page = await context.newPage();
    await page.goto(`${server.base}/`);
    await page.getByLabel("E-mail", { exact: true }).fill("nie-email");
    await page.getByLabel("NIP (opcjonalnie)").fill("8567346216");
    await page.getByRole("button", { name: "Poproś o wycenę" }).click();
    await page.locator("#err-nip").waitFor();
    assert((await page.locator("#err-nip").innerText()).includes("NIP"), "no NIP error");
    assert((await page.getByLabel("E-mail", { exact: true }).getAttribute("aria-invalid")) === "true", "email not marked invalid");
    const focused = await page.evaluate(() => document.activeElement?.getAttribute("name"));
    assert(focused === "company", `focus is on ${focused}`);
    await context.close();
  });

  await test("without JavaScript: a plain POST lands on the quote page with its number and link", async () => {
    const context = await browser.newContext({ javaScriptEnabled: false, locale: "en-GB" });
    const page = await context.newPage();
    await page.goto(`${server.base}/?lang=en`);
    await page.getByLabel("How many people (or agents) use it at once?").fill("12");
    await page.getByLabel("Use case").selectOption("rag");
    await page.getByLabel("Company", { exact: true }).fill("ACME Polska");
    await page.getByLabel("Full name").fill("Anna Nowak");
    await page.getByLabel("E-mail", { exact: true }).fill("anna@acme.example");
    await page.waitForTimeout(3_100);
    await page.getByRole("button", { name: "Request a quote" }).click();
    await page.waitForURL(/\/q\/[A-Za-z0-9_-]{43}\?new=1/);
    const number = await page.getByTestId("quote-number").innerText();
    assert(/^OF\/\d{4}\/\d{5}$/.test(number), `quote number: ${number}`);
    assert((await page.content()).includes("Thank you! Your quote is ready."), "no thank-you text");
    await context.close();
  });

  await test("without JavaScript: a bad submission comes back with messages beside the fields", async () => {
    const context = await browser.newContext({ javaScriptEnabled: false, locale: "pl-PL" });
    const page = await context.newPage();
    await page.goto(`${server.base}/`);
    await page.getByLabel("E-mail", { exact: true }).fill("zly-adres");
    await page.getByRole("button", { name: "Poproś o wycenę" }).click();
    await page.locator("#error-summary").waitFor();
    assert(await page.locator("#err-email").isVisible(), "no e-mail error");
    assert(await page.locator("#err-company").isVisible(), "no company error");
    assert((await page.getByLabel("E-mail", { exact: true }).inputValue()) === "zly-adres", "the entered value was lost");
    await context.close();
  });
} finally {
  await browser.close();
  server.stop();
}

const passed = results.filter((r) => r.ok).length;
const failed = results.length - passed;
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
