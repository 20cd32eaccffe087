import type { Browser, BrowserContext, Request } from "playwright-core";
import { suite } from "uvu";
import * as assert from "uvu/assert";
import publication from "../../content/publication.ts";
import { axeViolations } from "../../support/axe.ts";
import { launchBrowser } from "../../support/browser.ts";
import { serveSite } from "../../support/serve.ts";
import { sampleSite } from "../build/fixture.ts";

const ARTICLE = "/news/hcmc-metro-line-two-financing/";
const READER = "reader+ledger@example.com";

const signup = publication.signup;
if (!signup) throw new Error("the sample publication needs a signup setting for these tests");

let browser: Browser;
let server: Awaited<ReturnType<typeof serveSite>>;

/** What reached the email service, and what the pages' policy refused. */
interface Caught {
  posts: Request[];
  violations: string[];
}

/**
 * A browser context in which the sample is served from this machine and the sign-up endpoint answers with a page of
 * its own, caught before it leaves: every other request off the machine is refused.
 */
async function offline(options: { javaScriptEnabled: boolean }): Promise<{ context: BrowserContext; caught: Caught }> {
  const context = await browser.newContext(options);
  const caught: Caught = { posts: [], violations: [] };
  await context.route("**/*", async (route) => {
    const url = route.request().url();
    if (url.startsWith(`${server.origin}/`)) return route.continue();
    if (url === signup?.action) {
      caught.posts.push(route.request());
      return route.fulfill({ status: 200, contentType: "text/html", body: "<title>Thanks</title><p>Thanks!</p>" });
    }
    return route.abort();
  });
  context.on("console", (message) => {
    if (/Content Security Policy/i.test(message.text())) caught.violations.push(message.text());
  });
  return { context, caught };
}

/** The fields a caught post carried, in order, as the email service reads them. */
function fieldsOf(request: Request): [string, string][] {
  return [...new URLSearchParams(request.postData() ?? "")];
}

const submit = suite("a reader's sign-up posts their address to the configured endpoint, and nowhere else");

submit.before(async () => {
  server = await serveSite(sampleSite());
  browser = await launchBrowser();
});
submit.after(async () => {
  await browser?.close();
  await server?.close();
});

submit(
  "with JavaScript off, the form under an article posts the address and the hidden fields to the endpoint",
  async () => {
    const { context, caught } = await offline({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${server.origin}${ARTICLE}`);
    const form = page.locator("form.signup--article");
    await form.getByLabel("Email address").fill(READER);
    await Promise.all([page.waitForURL(signup.action), form.getByRole("button", { name: "Subscribe" }).click()]);
    assert.is(caught.posts.length, 1);
    const [post] = caught.posts;
    assert.is(post?.method(), "POST");
    assert.is(post?.url(), "https://buttondown.com/api/emails/embed-subscribe/mekongledger");
    assert.is(post?.headers()["content-type"], "application/x-www-form-urlencoded");
    assert.equal(post && fieldsOf(post), [
      ["email", READER],
      ["embed", "1"],
    ]);
    assert.is(await page.locator("p").textContent(), "Thanks!");
    assert.equal(caught.violations, []);
    await context.close();
  },
);

submit("the footer's form and the newsletter page's post the same way", async () => {
  const { context, caught } = await offline({ javaScriptEnabled: false });
  const page = await context.newPage();
  for (const [url, selector] of [
    ["/", "form.signup--footer"],
    ["/newsletter/", "form.signup--newsletter"],
  ] as const) {
    await page.goto(`${server.origin}${url}`);
    await page.locator(selector).getByLabel("Email address").fill(READER);
    await Promise.all([
      page.waitForURL(signup.action),
      page.locator(selector).getByRole("button", { name: "Subscribe" }).click(),
    ]);
  }
  assert.equal(
    caught.posts.map((post) => [post.method(), post.url(), fieldsOf(post)]),
    [
      ["POST", signup.action, [["email", READER], ...Object.entries(signup.hidden)]],
      ["POST", signup.action, [["email", READER], ...Object.entries(signup.hidden)]],
    ],
  );
  assert.equal(caught.violations, []);
  await context.close();
});

submit("an empty or malformed address is stopped by the browser, and nothing is sent", async () => {
  const { context, caught } = await offline({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto(`${server.origin}${ARTICLE}`);
  const form = page.locator("form.signup--article");
  for (const address of ["", "not an address"]) {
    await form.getByLabel("Email address").fill(address);
    await form.getByRole("button", { name: "Subscribe" }).click();
    assert.is(
      await form.getByLabel("Email address").evaluate((input: HTMLInputElement) => input.validity.valid),
      false,
    );
  }
  assert.is(page.url(), `${server.origin}${ARTICLE}`);
  assert.equal(caught.posts, []);
  await context.close();
});

submit("the policy admits that endpoint only: a form posting elsewhere is blocked before it is sent", async () => {
  const { context, caught } = await offline({ javaScriptEnabled: true });
  const page = await context.newPage();
  const refused = page.waitForEvent("console", (message) => /violates .*form-action/.test(message.text()));
  await page.goto(`${server.origin}${ARTICLE}`);
  await page.evaluate(() => {
    const form = document.querySelector<HTMLFormElement>("form.signup--article");
    if (!form) return;
    form.action = "https://lists.example.com/subscribe";
    form.querySelector<HTMLInputElement>("input[type=email]")?.setAttribute("value", "reader@example.com");
    form.submit();
  });
  assert.match((await refused).text(), "https://lists.example.com/subscribe");
  assert.is(page.url(), `${server.origin}${ARTICLE}`);
  assert.equal(caught.posts, []);
  await context.close();
});

submit.run();

const access = suite("the sign-up forms pass axe with the WCAG 2.2 rules, target size included");

access.before(async () => {
  server = await serveSite(sampleSite());
  browser = await launchBrowser();
});
access.after(async () => {
  await browser?.close();
  await server?.close();
});

access("an article's two forms and the newsletter page's, on a phone and a desktop", async () => {
  const found: string[] = [];
  for (const width of [375, 1280]) {
    // axe-core is injected as an inline script, which the pages' Content-Security-Policy rightly blocks.
    const page = await browser.newPage({ bypassCSP: true, viewport: { width, height: 900 } });
    for (const url of [ARTICLE, "/newsletter/"]) {
      await page.goto(`${server.origin}${url}`);
      found.push(...(await axeViolations(page, `${url} at ${width}px`, { include: "form.signup" })));
      const small = await page.evaluate(
        () =>
          [...document.querySelectorAll(".signup input:not([type=hidden]), .signup button")].filter((control) => {
            const box = control.getBoundingClientRect();
            return box.width < 24 || box.height < 24;
          }).length,
      );
      assert.is(small, 0, `${url} at ${width}px has a control under 24 × 24 pixels`);
    }
    await page.close();
  }
  assert.equal(found, []);
});

access.run();
