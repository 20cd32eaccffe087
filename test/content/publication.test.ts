import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, relative } from "node:path";
import sharp from "sharp";
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { ContentError, formatProblem, type Problem } from "../../src/content/problems.ts";
import { loadPublication } from "../../src/content/publication.ts";
import { loadNewsroom } from "../../src/newsroom/load.ts";
import { articleFile, contentTree, load, NOW, pngHeader, rejection, validFields } from "../helpers.ts";

/**
 * The errors for a publication with `logo` (left out when undefined) and a site folder holding `pictures`; the
 * temporary content and site folders read as `content` and `public` in the messages.
 */
async function logoErrors(logo: string | undefined, pictures: Record<string, Buffer | string> = {}): Promise<string[]> {
  const setting = logo === undefined ? "" : `, logo: ${JSON.stringify(logo)}`;
  const contentDir = contentTree({
    "publication.ts":
      `export default { name: "Test Ledger", baseUrl: "https://test.example", timeZone: ` +
      `"Asia/Bangkok", language: "en"${setting} };\n`,
  });
  const publicDir = mkdtempSync(join(tmpdir(), "newsdesk-public-"));
  for (const [path, bytes] of Object.entries(pictures)) {
    mkdirSync(dirname(join(publicDir, path)), { recursive: true });
    writeFileSync(join(publicDir, path), bytes);
  }
  try {
    await loadNewsroom({ contentDir, publicDir, now: NOW, preview: false });
    return [];
  } catch (error) {
    if (!(error instanceof ContentError)) throw error;
    const shown = (dir: string) => relative(process.cwd(), dir);
    return error.problems.map((problem) =>
      formatProblem(problem).replaceAll(shown(contentDir), "content").replaceAll(shown(publicDir), "public"),
    );
  }
}

const logo = suite("the publication's logo is a PNG, JPEG or WebP picture under /assets/, at least 112 pixels wide");

logo(
  "the sample's 512-pixel PNG, a 400-pixel JPEG, 112-pixel PNG and WebP are accepted, and so is no logo",
  async () => {
    assert.equal(
      await logoErrors("/assets/img/logo.png", { "assets/img/logo.png": readFileSync("assets/img/logo.png") }),
      [],
    );
    assert.equal(
      await logoErrors("/assets/logo.jpg", { "assets/logo.jpg": readFileSync("assets/img/authors/tom-weller.jpg") }),
      [],
    );
    assert.equal(await logoErrors("/assets/img/logo.png", { "assets/img/logo.png": pngHeader(112, 112) }), []);
    assert.equal(await logoErrors(undefined), []);
    const webp = await sharp({ create: { width: 112, height: 112, channels: 3, background: "#0f4c5c" } })
      .webp()
      .toBuffer();
    assert.equal(await logoErrors("/assets/img/logo.webp", { "assets/img/logo.webp": webp }), []);
  },
);

logo(
  "a logo that is missing, an SVG, not a picture or narrower than 112 pixels is an error naming publication.ts and " +
    "logo",
  async () => {
    assert.equal(await logoErrors("/assets/img/logo.png"), [
      "content/publication.ts:logo: no file at /assets/img/logo.png: put the picture at public/assets/img/logo.png " +
        "or fix the path",
    ]);
    assert.equal(
      await logoErrors("/assets/img/favicon.svg", { "assets/img/favicon.svg": readFileSync("assets/img/favicon.svg") }),
      [
        "content/publication.ts:logo: /assets/img/favicon.svg is an SVG picture; Google wants a logo in PNG, JPEG " +
          "or WebP, at least 112 pixels wide",
      ],
    );
    assert.equal(await logoErrors("/assets/img/logo.png", { "assets/img/logo.png": "not a picture" }), [
      "content/publication.ts:logo: /assets/img/logo.png is not a picture that can be read; Google wants a logo in " +
        "PNG, JPEG or WebP, at least 112 pixels wide",
    ]);
    assert.equal(await logoErrors("/assets/img/logo.png", { "assets/img/logo.png": pngHeader(111, 111) }), [
      "content/publication.ts:logo: /assets/img/logo.png is 111 pixels wide; Google wants a logo at least 112 " +
        "pixels wide",
    ]);
  },
);

logo("a logo that is not a path under /assets/ is an error before any file is read", async () => {
  for (const value of ["https://cdn.example/logo.png", "logo.png", "/img/logo.png", "/assets/../content/logo.png"]) {
    assert.equal(
      await logoErrors(value),
      [
        `content/publication.ts:logo: "${value}" must be a picture on the site under /assets/, like ` +
          `/assets/img/logo.png`,
      ],
      value,
    );
  }
});

logo.run();

const file = suite("the publication's settings are read from content/publication.ts");

file("a content folder without publication.ts is an error that says what the file holds", async () => {
  const contentDir = mkdtempSync(join(tmpdir(), "newsdesk-content-"));
  const problems: Problem[] = [];
  assert.is(await loadPublication(contentDir, problems), undefined);
  assert.equal(problems, [
    {
      file: relative(process.cwd(), join(contentDir, "publication.ts")),
      field: "",
      message: "is missing: it holds the publication's name, base URL, time zone and language",
      severity: "error",
    },
  ]);
});

file(
  "a publication.ts that is not valid TypeScript is an error naming the file, the line and what was expected",
  async () => {
    const contentDir = contentTree({
      "publication.ts": 'export default {\n  name: "Ledger",\n  baseUrl: "https://x.example" timeZone: "UTC",\n};\n',
    });
    const problems: Problem[] = [];
    assert.is(await loadPublication(contentDir, problems), undefined);
    assert.equal(problems.map(formatProblem), [
      `${relative(process.cwd(), join(contentDir, "publication.ts"))}:3: is not valid TypeScript: Expected "}" but ` +
        'found "timeZone"',
    ]);
  },
);

file("a publication.ts that throws is an error naming the file and the error it threw", async () => {
  const contentDir = contentTree({
    "publication.ts": 'throw new Error("no settings here");\nexport default { name: "Ledger" };\n',
  });
  const problems: Problem[] = [];
  assert.is(await loadPublication(contentDir, problems), undefined);
  assert.equal(problems.map(formatProblem), [
    `${relative(process.cwd(), join(contentDir, "publication.ts"))}: could not be run: no settings here`,
  ]);
});

file(
  "publication.ts may import a file beside it; it is kept as JavaScript in .cache/ while neither changes",
  async () => {
    const contentDir = contentTree({
      "name.ts": 'export const name = "First Ledger";\n',
      "publication.ts":
        'import { name } from "./name.ts";\n' +
        'export default { name, baseUrl: "https://x.example", timeZone: "UTC", language: "en" };\n',
    });
    const before = process.cwd();
    process.chdir(mkdtempSync(join(tmpdir(), "newsdesk-project-")));
    try {
      assert.is((await loadPublication(contentDir, []))?.name, "First Ledger");
      const kept = join(".cache", "publication.json");
      // What is kept is what runs: a load with the files unchanged does not make it again.
      writeFileSync(kept, readFileSync(kept, "utf8").replace("First Ledger", "Kept Ledger"));
      assert.is((await loadPublication(contentDir, []))?.name, "Kept Ledger");
      writeFileSync(join(contentDir, "name.ts"), 'export const name = "Second Ledger";\n');
      assert.is((await loadPublication(contentDir, []))?.name, "Second Ledger");
      // A folder where .cache/ cannot be written keeps nothing and loads all the same.
      process.chdir(mkdtempSync(join(tmpdir(), "newsdesk-project-")));
      writeFileSync(".cache", "");
      assert.is((await loadPublication(contentDir, []))?.name, "Second Ledger");
    } finally {
      process.chdir(before);
    }
  },
);

file.run();

const base = suite("the publication's baseUrl is one origin, written one way everywhere");

base("a baseUrl with a path is refused with the reason, since every page links from the root", async () => {
  const dir = contentTree({ "news/2024/a.md": articleFile(validFields) });
  writeFileSync(
    join(dir, "publication.ts"),
    'export default { name: "Ledger", baseUrl: "https://example.org/ledger/", timeZone: "Asia/Bangkok", language: ' +
      '"en" };\n',
  );
  assert.equal(await rejection(dir), [
    'publication.ts:baseUrl: "https://example.org/ledger/" has a path: the site must be served from the root of its ' +
      "address, like https://news.example or https://ledger.example.org, since every page links to /news/…, " +
      "/topics/… from there; give it a (sub)domain of its own",
  ]);
});

base("a baseUrl that is not an address is refused with the schema's words, not a crash", async () => {
  const dir = contentTree({ "news/2024/a.md": articleFile(validFields) });
  writeFileSync(
    join(dir, "publication.ts"),
    'export default { name: "Ledger", baseUrl: "news.example", timeZone: "Asia/Bangkok", language: "en" };\n',
  );
  assert.equal(await rejection(dir), [
    "publication.ts:baseUrl: must be the site's full address, like https://news.example",
  ]);
});

base("a trailing slash, capitals or a default port make no difference: the origin is kept", async () => {
  const dir = contentTree({ "news/2024/a.md": articleFile(validFields) });
  writeFileSync(
    join(dir, "publication.ts"),
    'export default { name: "Ledger", baseUrl: "https://News.Example:443/", timeZone: "Asia/Bangkok", language: ' +
      '"en" };\n',
  );
  assert.is((await load(dir)).newsroom.publication.baseUrl, "https://news.example");
});

base.run();

/** A content tree whose publication has `signup` written as this TypeScript, rather than left out. */
function withSignup(signup: string): string {
  return contentTree({
    "news/2024/a.md": articleFile(validFields),
    "publication.ts":
      'export default { name: "Ledger", baseUrl: "https://test.example", timeZone: "Asia/Bangkok", language: "en", ' +
      `signup: ${signup} };\n`,
  });
}

/** The errors a publication with this `signup` is refused with, its folder read as `content`. */
async function signupErrors(signup: string): Promise<string[]> {
  return (await rejection(withSignup(signup))).map((line) => `content/${line}`);
}

const NOT_HTTPS =
  "is not an https:// address: give the full address the email service's own sign-up form posts to, like " +
  "https://buttondown.com/api/emails/embed-subscribe/ledger";
const NOT_A_NAME =
  "is not a form field name: use letters, digits and _ - . : [ ], starting with a letter or _, as the email " +
  "service's own form names it (like email or EMAIL)";

const signup = suite("the publication's signup names an https:// endpoint and the form's field names");

signup(
  "a Mailchimp endpoint is kept whole, and a field name and hidden fields left out default to email and none",
  async () => {
    const mailchimp = await load(
      withSignup(
        '{ action: "https://ledger.us21.list-manage.com/subscribe/post?u=1a2b&id=3c4d", emailField: "EMAIL", ' +
          'hidden: { b_1a2b_3c4d: "", "group[16][1]": "1" } }',
      ),
    );
    assert.equal(mailchimp.newsroom.publication.signup, {
      action: "https://ledger.us21.list-manage.com/subscribe/post?u=1a2b&id=3c4d",
      emailField: "EMAIL",
      hidden: { b_1a2b_3c4d: "", "group[16][1]": "1" },
    });
    const plain = await load(withSignup('{ action: "https://lists.example.com/join" }'));
    assert.equal(plain.newsroom.publication.signup, {
      action: "https://lists.example.com/join",
      emailField: "email",
      hidden: {},
    });
  },
);

signup(
  "an endpoint that is not https://, or not an address at all, is an error naming publication.ts and signup.action",
  async () => {
    assert.equal(await signupErrors('{ action: "http://buttondown.com/api/emails/embed-subscribe/ledger" }'), [
      `content/publication.ts:signup.action: "http://buttondown.com/api/emails/embed-subscribe/ledger" ${NOT_HTTPS}`,
    ]);
    assert.equal(await signupErrors('{ action: "buttondown.com/ledger" }'), [
      `content/publication.ts:signup.action: "buttondown.com/ledger" ${NOT_HTTPS}`,
    ]);
    assert.equal(await signupErrors('{ emailField: "email" }'), [
      `content/publication.ts:signup.action: is required: ${NOT_HTTPS.replace("is not an https:// address: ", "")}`,
    ]);
    assert.equal(await signupErrors('{ action: "https://ledger:secret@lists.example.com/join" }'), [
      "content/publication.ts:signup.action: holds a user name or password, which every page would show: use the " +
        "form's public address",
    ]);
    assert.equal(await signupErrors('"https://lists.example.com/join"'), [
      "content/publication.ts:signup: must be { action, emailField, hidden }",
    ]);
  },
);

signup("a field name with a space, a quote or none at all is an error naming the field", async () => {
  const action = '"https://lists.example.com/join"';
  assert.equal(await signupErrors(`{ action: ${action}, emailField: "e mail" }`), [
    `content/publication.ts:signup.emailField: "e mail" ${NOT_A_NAME}`,
  ]);
  assert.equal(await signupErrors(`{ action: ${action}, emailField: "" }`), [
    `content/publication.ts:signup.emailField: "" ${NOT_A_NAME}`,
  ]);
  assert.equal(await signupErrors(`{ action: ${action}, hidden: { 'list"id': "7", source: 1 } }`), [
    `content/publication.ts:signup.hidden.list"id: "list"id" ${NOT_A_NAME}`,
    'content/publication.ts:signup.hidden.source: must be text, like "1"',
  ]);
  assert.equal(await signupErrors(`{ action: ${action}, hidden: { email: "x" } }`), [
    'content/publication.ts:signup.hidden: the hidden fields include "email", the email field itself: take it out ' +
      "of hidden",
  ]);
});

signup.run();

const hub = suite("the publication's WebSub hub is a full https:// address");

/** The errors for a publication whose `websubHub` is the given TypeScript expression. */
async function hubErrors(setting: string): Promise<string[]> {
  const dir = contentTree({ "news/2024/a.md": articleFile(validFields) });
  writeFileSync(
    join(dir, "publication.ts"),
    `export default { name: "Ledger", baseUrl: "https://ledger.example", timeZone: "Asia/Bangkok", language: "en", ` +
      `websubHub: ${setting} };\n`,
  );
  return rejection(dir);
}

hub(
  "a hub that is not an address, not https:// or not text is an error naming publication.ts and websubHub",
  async () => {
    assert.equal(await hubErrors('"pubsubhubbub.appspot.com"'), [
      'publication.ts:websubHub: "pubsubhubbub.appspot.com" must be the hub\'s full https:// address, like ' +
        "https://pubsubhubbub.appspot.com/",
    ]);
    assert.equal(await hubErrors('"http://hub.example/"'), [
      'publication.ts:websubHub: "http://hub.example/" must be the hub\'s full https:// address, like ' +
        "https://pubsubhubbub.appspot.com/",
    ]);
    assert.equal(await hubErrors("true"), [
      "publication.ts:websubHub: true must be the hub's full https:// address, like https://pubsubhubbub.appspot.com/",
    ]);
  },
);

hub("an https:// hub is kept as written", async () => {
  const dir = contentTree({
    "publication.ts":
      'export default { name: "Ledger", baseUrl: "https://ledger.example", timeZone: "Asia/Bangkok", language: ' +
      '"en", websubHub: "https://pubsubhubbub.appspot.com/" };\n',
  });
  assert.is((await load(dir)).newsroom.publication.websubHub, "https://pubsubhubbub.appspot.com/");
});

hub.run();
