import { spawnSync } from "node:child_process";
import { appendFileSync, cpSync, mkdtempSync, readdirSync, statSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { cleanEnvironment } from "../../support/commands.ts";
import { articleFile, contentTree, validFields } from "../helpers.ts";

/** A copy of the project's code (src/, package.json and its lock file), its libraries linked, to change and run. */
function projectCopy(): string {
  const project = mkdtempSync(join(tmpdir(), "newsdesk-launch-"));
  cpSync(resolve("src"), join(project, "src"), { recursive: true });
  for (const file of ["package.json", "package-lock.json"]) cpSync(resolve(file), join(project, file));
  symlinkSync(resolve("node_modules"), join(project, "node_modules"));
  return project;
}

const content = contentTree({
  "news/2024/a.md": articleFile(validFields),
  "news/2024/b.md": articleFile(validFields.replace("A valid story", "A".repeat(101))),
});

/** `npm run check` of the two-article content, from the project copy: its status and what it printed. */
function check(project: string) {
  const result = spawnSync(
    process.execPath,
    [join(project, "src", "cli", "launch.js"), "check", "--content", content, "--now", "2024-06-01T00:00:00Z"],
    { cwd: project, encoding: "utf8", env: cleanEnvironment() },
  );
  return { status: result.status, out: result.stdout.replaceAll(content, "content"), err: result.stderr };
}

const bundles = (project: string) => readdirSync(join(project, ".cache", "bin"));

const launch = suite("npm run check and npm run new run from a bundle of their code, made again when the code changes");

launch("the bundle is made on the first run, kept while the code is the same, and replaced when it changes", () => {
  const project = projectCopy();
  const first = check(project);
  assert.is(first.status, 0, first.err);
  assert.match(first.out, /b\.md:2:title: is 101 characters long/);
  const [bundle] = bundles(project);
  assert.match(bundle ?? "", /^check-[0-9a-f]{40}\.mjs$/);
  const made = statSync(join(project, ".cache", "bin", bundle ?? "")).mtimeMs;
  assert.equal(check(project), first);
  assert.equal(bundles(project), [bundle]);
  assert.is(statSync(join(project, ".cache", "bin", bundle ?? "")).mtimeMs, made);
  appendFileSync(join(project, "src", "cli", "check.ts"), "// Changed.\n");
  assert.equal(check(project), first);
  const [remade, ...more] = bundles(project);
  assert.equal(more, []);
  assert.ok(remade !== bundle, "a new bundle for the changed code");
});

launch("where no bundle can be written, the check runs all the same and says the same", () => {
  const project = projectCopy();
  const expected = check(projectCopy());
  // A file where the folder of bundles would go: nothing can be written under it, as on a read-only disk.
  writeFileSync(join(project, ".cache"), "");
  const result = check(project);
  assert.equal(result, expected);
  assert.is(result.err, "");
});

launch("an unknown command is refused with the usage and exit code 2", () => {
  const result = spawnSync(process.execPath, [resolve("src", "cli", "launch.js"), "publish"], { encoding: "utf8" });
  assert.is(result.status, 2);
  assert.is(result.stderr.trim(), "Usage: node src/cli/launch.js <check|new> [options]");
});

launch("npm run new runs from a bundle of its own, beside the check's", () => {
  const project = projectCopy();
  check(project);
  const result = spawnSync(
    process.execPath,
    [join(project, "src", "cli", "launch.js"), "new", "Micron returns", "--author", "nobody", "--content", content],
    { cwd: project, encoding: "utf8", env: cleanEnvironment() },
  );
  assert.is(result.status, 1, result.stderr);
  assert.match(result.stderr, /^unknown author `nobody`/);
  assert.equal(
    bundles(project).map((name) => name.replace(/[0-9a-f]{40}/, "<hash>")),
    ["check-<hash>.mjs", "new-<hash>.mjs"],
  );
});

launch.run();
