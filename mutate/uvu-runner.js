// A StrykerJS test runner for uvu (none is published). The worker imports test files as it needs them and runs their
// suites in process for each mutant; a "test" is one uvu suite, so a mutant runs only the suites that reach it.
// Written after Stryker's own in-process runner for mocha: https://stryker-mutator.io/docs/stryker-js/plugins/
import { readdirSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { commonTokens, declareClassPlugin, PluginKind, tokens } from "@stryker-mutator/api/plugin";
import {
  DryRunStatus,
  determineHitLimitReached,
  TestStatus,
  toMutantRunResult,
} from "@stryker-mutator/api/test-runner";

/** The test files under `dir` whose path (relative to it) matches `pattern` and not `ignore`, as uvu's CLI picks. */
function testFiles({ dir, pattern, ignore }) {
  const wanted = new RegExp(pattern);
  const unwanted = ignore ? new RegExp(ignore) : undefined;
  return readdirSync(dir, { recursive: true })
    .map((path) => path.split("\\").join("/"))
    .filter((path) => wanted.test(path) && !unwanted?.test(path))
    .sort()
    .map((path) => join(dir, path));
}

/** The project's relative imports (`from "./x.ts"`, `import("../y.ts")`): the code base writes no other kind. */
const RELATIVE_IMPORT = /(?:\bfrom|\bimport)\s*\(?\s*["'](\.\.?\/[^"']+)["']/g;

/** Each file's text, read once per worker however many test files import it ("" for one that is not there). */
const sources = new Map();
function sourceOf(path) {
  if (!sources.has(path)) {
    try {
      sources.set(path, readFileSync(path, "utf8"));
    } catch {
      sources.set(path, "");
    }
  }
  return sources.get(path);
}

/** Every file `file` imports, directly or not, itself included (absolute paths). */
function importClosure(file, seen = new Set()) {
  const path = resolve(file);
  if (seen.has(path)) return seen;
  seen.add(path);
  const source = sourceOf(path);
  for (const [, specifier] of source.matchAll(RELATIVE_IMPORT)) importClosure(join(dirname(path), specifier), seen);
  return seen;
}

/** The test file of a test id `file › suite n`. */
const fileOf = (testId) => testId.slice(0, testId.indexOf(" › "));

class UvuTestRunner {
  static inject = tokens(commonTokens.options);
  /** The suites of the files imported so far, as Stryker's tests, by id `file › suite n`. */
  suites = new Map();
  /** The test files imported so far. */
  loaded = new Set();
  /** The instrumented code's shared state: the active mutant, coverage, hit counts. */
  context;

  constructor(options) {
    this.files = testFiles(options.uvu);
    globalThis.__stryker__ ??= {};
    this.context = globalThis.__stryker__;
  }

  capabilities() {
    // Test files are ES modules: once imported they cannot be loaded again, so static mutants get a fresh worker.
    return { reloadEnvironment: false };
  }

  async init() {
    // TypeScript through the project's own tsx, with the sandbox's tsconfig: the worker starts in the project and
    // moves into the sandbox, so a tsx given on the command line would apply the project's tsconfig to none of it.
    const tsx = createRequire(resolve("package.json")).resolve("tsx/package.json");
    const esmApi = JSON.parse(readFileSync(tsx, "utf8")).exports["./esm/api"].import.default;
    const { register } = await import(pathToFileURL(join(dirname(tsx), esmApi)).href);
    register({ tsconfig: resolve("tsconfig.json") });
    globalThis.UVU_DEFER = 1;
    globalThis.UVU_QUEUE = [];
  }

  async dryRun({ coverageAnalysis, disableBail }) {
    this.context.mutantCoverage = { static: {}, perTest: {} };
    await this.load(this.files);
    const result = await this.run([...this.suites.values()], { disableBail, perTest: coverageAnalysis === "perTest" });
    if (result.status === DryRunStatus.Complete && coverageAnalysis !== "off") {
      result.mutantCoverage = this.context.mutantCoverage;
    }
    return result;
  }

  async mutantRun({ activeMutant, testFilter, disableBail, hitLimit, mutantActivation, sandboxFileName }) {
    this.context.hitLimit = hitLimit;
    this.context.hitCount = hitLimit ? 0 : undefined;
    // A static mutant acts while modules load: this fresh worker loads, with it active, the test files that import
    // its file. A mutant at run time needs the files of the suites that reached it in the dry run.
    const isStatic = mutantActivation === "static";
    const files = testFilter
      ? [...new Set(testFilter.map(fileOf))]
      : this.files.filter((file) => !isStatic || importClosure(file).has(resolve(sandboxFileName)));
    // In a fresh worker the mutant is active while modules load: StrykerJS can start one for a static mutant yet call
    // it "runtime" (with --incremental it gives such a mutant the suites of the last report).
    this.context.activeMutant = isStatic || this.loaded.size === 0 ? activeMutant.id : undefined;
    await this.load(files);
    this.context.activeMutant = activeMutant.id;
    const suites = testFilter
      ? testFilter.map((id) => this.suites.get(id)).filter((suite) => suite !== undefined)
      : [...this.suites.values()].filter((suite) => files.includes(suite.file));
    // The fastest suites first (as timed in the dry run), to stop sooner at the first that fails.
    suites.sort((a, b) => (a.timeSpentMs ?? 0) - (b.timeSpentMs ?? 0));
    return toMutantRunResult(await this.run(suites, { disableBail }));
  }

  /** Imports the test files not yet imported, with uvu deferred (as uvu's own `uvu/run` does), keeping their suites. */
  async load(files) {
    for (const file of files) {
      if (this.loaded.has(file)) continue;
      this.loaded.add(file);
      globalThis.UVU_INDEX = globalThis.UVU_QUEUE.length;
      const group = [file];
      globalThis.UVU_QUEUE.push(group);
      const quiet = this.silence();
      try {
        await import(pathToFileURL(resolve(file)).href);
        for (const [index, run] of group.slice(1).entries()) {
          const id = `${file} › suite ${index + 1}`;
          this.suites.set(id, { id, file, run });
        }
      } catch (error) {
        // A mutant that breaks a module at import fails that file's one test.
        const message = error instanceof Error ? error.message : String(error);
        const id = `${file} › import`;
        this.suites.set(id, { id, file, error: `cannot import ${file}: ${message}` });
      } finally {
        quiet.restore();
      }
    }
  }

  async run(suites, { disableBail, perTest = false }) {
    const quiet = this.silence();
    try {
      const tests = [];
      for (const suite of suites) {
        quiet.printed = "";
        this.context.currentTestId = perTest ? suite.id : undefined;
        const started = performance.now();
        const [errors] = suite.error ? [suite.error] : await suite.run();
        const timeSpentMs = Math.round(performance.now() - started);
        suite.timeSpentMs ??= timeSpentMs;
        // uvu prints the suite's name first: " name  • • ✘ …".
        const name = `${suite.file} › ${/^ (.+?) {2}/.exec(quiet.printed)?.[1] ?? suite.id}`;
        const base = { id: suite.id, name, fileName: suite.file, timeSpentMs };
        if (typeof errors === "string") {
          tests.push({ ...base, status: TestStatus.Failed, failureMessage: errors.trim() || quiet.printed.trim() });
          if (!disableBail) break;
        } else {
          tests.push({ ...base, status: TestStatus.Success });
        }
      }
      this.context.currentTestId = undefined;
      return (
        determineHitLimitReached(this.context.hitCount, this.context.hitLimit) ?? {
          status: DryRunStatus.Complete,
          tests,
        }
      );
    } catch (error) {
      return { status: DryRunStatus.Error, errorMessage: error instanceof Error ? error.stack : String(error) };
    } finally {
      quiet.restore();
    }
  }

  /** Keeps what uvu prints (its report goes to stdout) instead of printing it; `restore()` puts stdout back. */
  silence() {
    const write = process.stdout.write;
    const quiet = {
      printed: "",
      restore: () => {
        process.stdout.write = write;
      },
    };
    process.stdout.write = (chunk) => {
      quiet.printed += String(chunk);
      return true;
    };
    return quiet;
  }
}

/** The runner's own options in the Stryker config: `uvu: { dir, pattern, ignore }`, as uvu's CLI takes them. */
export const strykerValidationSchema = {
  $schema: "http://json-schema.org/draft-07/schema#",
  type: "object",
  properties: {
    uvu: {
      type: "object",
      properties: { dir: { type: "string" }, pattern: { type: "string" }, ignore: { type: "string" } },
      required: ["dir", "pattern"],
      additionalProperties: false,
    },
  },
};

export const strykerPlugins = [declareClassPlugin(PluginKind.TestRunner, "uvu", UvuTestRunner)];
