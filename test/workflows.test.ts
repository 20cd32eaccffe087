import { spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { suite } from "uvu";
import * as assert from "uvu/assert";

const WORKFLOWS = ".github/workflows";
const PUBLISH = join(WORKFLOWS, "publish.yml");

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
