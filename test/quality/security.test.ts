import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { Browser, Page } from "playwright-core";
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { launchBrowser } from "../../support/browser.ts";
import { serveSite } from "../../support/serve.ts";
import { sampleSite } from "../build/fixture.ts";

let browser: Browser;
let server: Awaited<ReturnType<typeof serveSite>>;

/** A page that records every Content-Security-Policy violation and console error from its first script on. */
async function watchedPage(): Promise<{ page: Page; problems(): Promise<string[]> }> {
  const page = await browser.newPage();
  const console: string[] = [];
  page.on("console", (message) => {
    if (message.type() === "error" || message.type() === "warning")
      console.push(`console ${message.type()}: ${message.text()}`);
  });
  page.on("pageerror", (error) => console.push(`page error: ${error.message}`));
  await page.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { violations: string[] }).violations = seen;
    document.addEventListener("securitypolicyviolation", (event) =>
      seen.push(`${event.violatedDirective} blocked ${event.blockedURI || "inline"}`),
    );
  });
  return {
    page,
    problems: async () => [
      ...(await page.evaluate(() => (window as unknown as { violations: string[] }).violations)),
      ...console,
    ],
  };
}

const csp = suite("the sample site served with its _headers runs with no Content-Security-Policy violation");

csp.before(async () => {
  server = await serveSite(sampleSite());
  browser = await launchBrowser();
});

csp.after(async () => {
  await browser?.close();
  await server?.close();
});

csp("every response carries the policy from _headers", async () => {
  const response = await fetch(`${server.origin}/news/hcmc-metro-line-two-financing/`);
  const headersFile = readFileSync(join(sampleSite(), "_headers"), "utf8");
  const policy = /Content-Security-Policy: (.*)/.exec(headersFile)?.[1];
  assert.ok(policy);
  assert.is(response.headers.get("content-security-policy"), policy);
  assert.is(response.headers.get("x-content-type-options"), "nosniff");
  assert.is(response.headers.get("referrer-policy"), "strict-origin-when-cross-origin");
});

csp("a picture under /img/ is kept a year without asking again, with the policy too; a page is not", async () => {
  const article = await (await fetch(`${server.origin}/news/hcmc-metro-line-two-financing/`)).text();
  const picture = /<img [^>]*src="(\/img\/[^"]+)"/.exec(article)?.[1];
  assert.ok(picture, "the article shows a picture from /img/");
  const response = await fetch(`${server.origin}${picture}`);
  assert.is(response.status, 200);
  assert.is(response.headers.get("cache-control"), "public, max-age=31536000, immutable");
  assert.ok(response.headers.get("content-security-policy")?.startsWith("default-src 'none'"));
  const page = await fetch(`${server.origin}/news/hcmc-metro-line-two-financing/`);
  assert.not.ok(page.headers.get("cache-control")?.includes("immutable"));
});

csp("home, an article with JSON-LD and a search with results load with no violation and no console error", async () => {
  const { page, problems } = await watchedPage();
  await page.goto(`${server.origin}/`, { waitUntil: "networkidle" });
  assert.equal(await problems(), []);
  await page.goto(`${server.origin}/news/hcmc-metro-line-two-financing/`, { waitUntil: "networkidle" });
  assert.is(await page.locator('script[type="application/ld+json"]').count(), 2);
  assert.equal(await problems(), []);
  await page.goto(`${server.origin}/search/?q=memory`);
  await page.waitForSelector(".search-result");
  assert.ok((await page.locator(".search-result").count()) > 0);
  await page.waitForLoadState("networkidle");
  assert.equal(await problems(), []);
  await page.close();
});

csp("the policy is enforced: an injected inline script is blocked and reported", async () => {
  const { page, problems } = await watchedPage();
  await page.goto(`${server.origin}/news/hcmc-metro-line-two-financing/`, { waitUntil: "networkidle" });
  const ran = await page.evaluate(async () => {
    const script = document.createElement("script");
    script.textContent = "window.injected = true";
    document.body.append(script);
    await new Promise((resolve) => setTimeout(resolve, 100));
    return (window as unknown as { injected?: boolean }).injected === true;
  });
  assert.is(ran, false);
  assert.ok(
    (await problems()).some((problem) => problem.startsWith("script-src-elem blocked inline")),
    (await problems()).join("\n"),
  );
  await page.close();
});

csp("pages stay strict under their meta policy, while the email edition keeps its inline styles", async () => {
  const { page, problems } = await watchedPage();
  await page.goto(`${server.origin}/news/hcmc-metro-line-two-financing/`, { waitUntil: "networkidle" });
  const injectedColor = await page.evaluate(() => {
    const main = document.querySelector("main");
    if (main) main.innerHTML += '<p id="injected" style="color: rgb(255, 0, 0)">Injected</p>';
    const injected = document.querySelector("#injected");
    return injected ? getComputedStyle(injected).color : "";
  });
  assert.is.not(injectedColor, "rgb(255, 0, 0)");
  assert.ok(
    (await problems()).some((problem) => problem.startsWith("style-src-attr blocked inline")),
    (await problems()).join("\n"),
  );
  await page.close();

  const email = await watchedPage();
  await email.page.goto(`${server.origin}/newsletter/2026-10-06/email.html`, { waitUntil: "networkidle" });
  assert.is(
    await email.page.evaluate(
      () => getComputedStyle(document.querySelector(".email-container") ?? document.body).maxWidth,
    ),
    "600px",
  );
  assert.equal(
    (await email.problems()).filter((problem) => problem.startsWith("style-src")),
    [],
  );
  await email.page.close();
});

csp.run();
