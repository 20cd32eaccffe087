import { spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { parse } from "yaml";

const WORKFLOWS = ".github/workflows";
const PUBLISH = join(WORKFLOWS, "publish.yml");

/**
 * The Node.js line the workflow builds on: the Active LTS. Node 26 became it on 2026-10-28, Node 24 having moved to
 * maintenance on 2026-10-20 (https://github.com/nodejs/Release#release-schedule). README.md says which versions work.
 */
const ACTIVE_LTS = 26;

/** action-validator's command, as its package names it. */
function validatorCommand(): string {
  const require = createRequire(import.meta.url);
  const manifest = require.resolve("@action-validator/cli/package.json");
  const { bin } = JSON.parse(readFileSync(manifest, "utf8")) as { bin: Record<string, string> };
  return join(dirname(manifest), bin["action-validator"] ?? "");
}

/** Runs action-validator on one file: its exit code and everything it printed. */
function validate(path: string): { status: number | null; output: string } {
  const result = spawnSync(process.execPath, [validatorCommand(), path], { encoding: "utf8" });
  return { status: result.status, output: `${result.stdout}${result.stderr}`.trim() };
}

const validator = suite("every workflow passes action-validator, which rejects a broken one");

validator("each file in .github/workflows/ matches GitHub's workflow schema", () => {
  const files = readdirSync(WORKFLOWS).filter((name) => /\.ya?ml$/.test(name));
  assert.ok(files.includes("publish.yml"), files.join(", "));
  for (const name of files) {
    const { status, output } = validate(join(WORKFLOWS, name));
    assert.is(status, 0, `${name}:\n${output}`);
  }
});

validator("a copy with a misspelt key or an unknown permission level is rejected, with the reason", () => {
  const dir = mkdtempSync(join(tmpdir(), "newsdesk-workflows-"));
  const text = readFileSync(PUBLISH, "utf8");
  const misspelt = join(dir, "misspelt.yml");
  writeFileSync(misspelt, text.replace("runs-on:", "runs-onn:"));
  const rejected = validate(misspelt);
  assert.is(rejected.status, 1, rejected.output);
  assert.ok(rejected.output.includes("Additional property 'runs-onn' is not allowed"), rejected.output);
  const badLevel = join(dir, "bad-level.yml");
  writeFileSync(badLevel, text.replace("pages: write", "pages: publish"));
  const refused = validate(badLevel);
  assert.is(refused.status, 1, refused.output);
  assert.match(refused.output, /"path": "(?:\/jobs\/\w+)?\/permissions\/pages"/);
});

validator.run();

interface Step {
  name?: string;
  uses?: string;
  run?: string;
  if?: string;
  with?: Record<string, unknown>;
}

interface Job {
  if?: string;
  needs?: string | string[];
  permissions?: Record<string, string>;
  env?: Record<string, string>;
  outputs?: Record<string, string>;
  steps: Step[];
}

interface Workflow {
  on: { push?: { branches?: string[] }; pull_request?: unknown; schedule?: { cron: string }[] };
  permissions?: Record<string, string>;
  jobs: Record<string, Job>;
}

const workflow = parse(readFileSync(PUBLISH, "utf8")) as Workflow;
const missing = (what: string): never => {
  throw new Error(`the publish workflow has no ${what}`);
};
const job = (name: string): Job => workflow.jobs[name] ?? missing(`job ${name}`);
const step = (of: Job, test: (step: Step) => boolean, what: string): Step =>
  of.steps.find(test) ?? missing(`step ${what}`);
// biome-ignore lint/suspicious/noTemplateCurlyInString: a GitHub Actions expression, as the workflow writes it.
const commit = "${{ needs.tested-commit.outputs.commit }}";

const publish = suite("the publish workflow tests what it publishes, and a pull request cannot publish");

publish("it runs on pushes to main, pull requests and every 15 minutes, with no permission unless a job asks", () => {
  assert.equal(workflow.on.push?.branches, ["main"]);
  assert.ok("pull_request" in workflow.on);
  assert.equal(workflow.on.schedule, [{ cron: "*/15 * * * *" }]);
  assert.equal(workflow.permissions, {});
});

publish("the job that tests pull requests may only read the code; only the deploy job can write to Pages", () => {
  const build = job("build");
  assert.not.ok(build.if?.includes("pull_request"), build.if);
  assert.equal(build.permissions, { contents: "read" });
  assert.equal(job("deploy").permissions, { pages: "write", "id-token": "write" });
  for (const [name, { permissions = {} }] of Object.entries(workflow.jobs)) {
    if (name !== "deploy")
      assert.equal(
        Object.keys(permissions).filter((scope) => scope === "pages" || scope === "id-token"),
        [],
        name,
      );
  }
});

publish("the deploy job runs only on main, never for a pull request, and only after the build succeeded", () => {
  const deploy = job("deploy");
  assert.is(deploy.needs, "build");
  for (const condition of [
    "needs.build.result == 'success'",
    "github.ref == 'refs/heads/main'",
    "github.event_name != 'pull_request'",
  ]) {
    assert.ok(deploy.if?.includes(condition), `${condition} is missing from: ${deploy.if}`);
  }
  const upload = step(
    job("build"),
    (candidate) => candidate.uses?.startsWith("actions/upload-pages-artifact@") ?? false,
    "uploading the site",
  );
  assert.is(upload.if, "github.event_name != 'pull_request'");
});

publish("every run but a scheduled one runs npm test before it builds", () => {
  const { steps } = job("build");
  const test = step(job("build"), (candidate) => candidate.run === "npm test", "npm test");
  assert.is(test.if, "github.event_name != 'schedule'");
  assert.ok(
    steps.indexOf(test) < steps.findIndex((candidate) => candidate.run === "npm run build"),
    "npm test does not come before the build",
  );
});

publish("a scheduled run builds only the newest commit of main whose push run passed, and nothing without one", () => {
  const tested = job("tested-commit");
  assert.is(tested.if, "github.event_name == 'schedule'");
  assert.equal(tested.permissions, { actions: "read" });
  const find = tested.steps.map((candidate) => candidate.run ?? "").join("\n");
  assert.ok(find.includes("gh run list --workflow publish.yml --branch main --event push"), find);
  assert.ok(find.includes("--status success --json headSha"), find);
  assert.ok(find.includes('echo "commit=$commit" >> "$GITHUB_OUTPUT"'), find);
  const build = job("build");
  assert.is(build.needs, "tested-commit");
  assert.ok(
    build.if?.includes("github.event_name != 'schedule' || needs.tested-commit.outputs.commit != ''"),
    build.if,
  );
  const checkout = step(build, (candidate) => candidate.uses?.startsWith("actions/checkout@") ?? false, "checkout");
  assert.is(checkout.with?.ref, commit);
  assert.is(build.env?.NEWSDESK_PUBLISHED_REF, commit);
  const onMain = step(
    build,
    (candidate) => candidate.run === "git merge-base --is-ancestor HEAD origin/main",
    "checking the commit is on main",
  );
  assert.is(onMain.if, "github.event_name == 'schedule'");
});

publish("the build fetches the whole history and runs on the Active LTS of Node.js", () => {
  const build = job("build");
  const checkout = step(build, (candidate) => candidate.uses?.startsWith("actions/checkout@") ?? false, "checkout");
  assert.is(checkout.with?.["fetch-depth"], 0);
  const node = step(build, (candidate) => candidate.uses?.startsWith("actions/setup-node@") ?? false, "setup-node");
  assert.is(node.with?.["node-version"], ACTIVE_LTS);
});

publish.run();

const versions = suite("the oldest Node.js said to work is one the code runs on");

versions("package.json's engines and the README name the same oldest Node.js: 20.12, for Dirent.parentPath", () => {
  const manifest = JSON.parse(readFileSync("package.json", "utf8")) as { engines: { node: string } };
  const readme = /You need Node\.js (\d+\.\d+) or newer/.exec(readFileSync("README.md", "utf8"))?.[1];
  assert.is(manifest.engines.node, `>=${readme}`);
  // The listings of the content folder and of the code (src/content/inventory.ts, src/cli/launch.js) name each file's
  // folder by Dirent.parentPath, which Node.js 20 has since 20.12: https://nodejs.org/api/fs.html#direntparentpath
  assert.is(readme, "20.12");
});

versions.run();
