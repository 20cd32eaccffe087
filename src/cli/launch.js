// Runs a command from one ESM bundle of its TypeScript and its libraries, made by esbuild and kept in `.cache/bin/`
// while the code is the same, so a run does not start tsx and send every module through its loader (about 0.6 s of
// `npm run check`'s 3 s at 10,000 articles), nor have Node find and load each of the 220 library modules on its own
// (a further 0.2 s). Plain JavaScript, since Node 20 runs no TypeScript by itself.
// Usage: node src/cli/launch.js <command> [its options]; the command module exports `main(codeVersion)`.
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

/**
 * The commands run this way: the ones that need neither Eleventy nor files read beside their own module (nor do the
 * libraries they use: a library bundled in reads nothing beside it).
 */
const COMMANDS = new Set(["check", "new"]);

/** The project's folder: this file is src/cli/launch.js in it. */
const ROOT = fileURLToPath(new URL("../..", import.meta.url));

/**
 * A hash of the build's own code and its libraries: every file under `dir` (src/) and the lock file. A bundle, or a
 * store the check keeps, made by other code is never used.
 * @param {string} dir
 * @param {string} lockFile
 * @returns {string}
 */
function codeVersion(dir, lockFile) {
  const hash = createHash("sha1");
  const files = readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name))
    .sort();
  for (const file of files) hash.update(file).update(readFileSync(file));
  if (existsSync(lockFile)) hash.update(readFileSync(lockFile));
  return hash.digest("hex");
}

/**
 * Bundles `entry` and its libraries (esbuild aside) into `bundle`: written whole under another name and then renamed,
 * so two runs at once, or a run stopped midway, never leave half a bundle. Older bundles of the command go.
 * @param {string} entry
 * @param {string} bundle
 * @param {string} command
 */
async function makeBundle(entry, bundle, command) {
  const esbuild = await import("esbuild");
  const built = await esbuild.build({
    entryPoints: [entry],
    bundle: true,
    platform: "node",
    format: "esm",
    target: "node20",
    // esbuild runs its own program, found beside its module: it stays a library to import.
    external: ["esbuild"],
    // The libraries written as CommonJS ask for Node's own modules with `require`, which an ES module lacks.
    banner: {
      js: 'import { createRequire as bannerRequire } from "node:module"; const require = bannerRequire(import.meta.url);',
    },
    write: false,
    logLevel: "silent",
  });
  const dir = dirname(bundle);
  mkdirSync(dir, { recursive: true });
  const partial = `${bundle}.${process.pid}.partial`;
  try {
    writeFileSync(partial, built.outputFiles[0]?.text ?? "");
    renameSync(partial, bundle);
  } finally {
    rmSync(partial, { force: true });
  }
  for (const name of readdirSync(dir)) {
    if (name.startsWith(`${command}-`) && join(dir, name) !== bundle && !name.endsWith(".partial")) {
      rmSync(join(dir, name), { force: true });
    }
  }
}

/**
 * The command's `main`: from its bundle, made first when the code changed; through tsx when no bundle can be
 * written (a read-only or full disk), which is slower but the same code.
 * @param {string} command
 * @param {string} version
 * @returns {Promise<(version: string) => Promise<number>>}
 */
async function commandMain(command, version) {
  const entry = join(ROOT, "src", "cli", `${command}.ts`);
  const bundle = join(ROOT, ".cache", "bin", `${command}-${version}.mjs`);
  try {
    if (!existsSync(bundle)) await makeBundle(entry, bundle, command);
  } catch {
    const { register } = await import("tsx/esm/api");
    register();
    return (await import(pathToFileURL(entry).href)).main;
  }
  return (await import(pathToFileURL(bundle).href)).main;
}

const command = process.argv[2] ?? "";
if (!COMMANDS.has(command)) {
  console.error(`Usage: node src/cli/launch.js <${[...COMMANDS].join("|")}> [options]`);
  process.exitCode = 2;
} else {
  // The command reads its own options, after its name.
  process.argv.splice(2, 1);
  const version = codeVersion(join(ROOT, "src"), join(ROOT, "package-lock.json"));
  const main = await commandMain(command, version);
  process.exitCode = await main(version);
}
