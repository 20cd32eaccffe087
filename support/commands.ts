import { type ChildProcess, type SpawnSyncReturns, spawn, spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { resolve } from "node:path";

/**
 * Newsdesk's commands: each is `src/cli/<name>.ts`, which `npm run <name>` runs (the check and `new` through
 * `launch.js`).
 */
export type Command = "build" | "check" | "new" | "edition";

/** Where a command runs, and what it is told through its environment. */
export interface CommandOptions {
  /** The folder it runs in (a project copy with other layouts, say); this process's by default. */
  cwd?: string;
  /** Variables to set on top of the clean environment. */
  env?: Record<string, string>;
}

const ROOT = resolve(import.meta.dirname, "..");

/**
 * This process's environment without the variables Newsdesk reads (every `NEWSDESK_…`: the content folder, "now",
 * preview, the author, the published branch), plus `settings`: what a test or the benchmark runs is told only what
 * it is given, whatever the shell that started `npm test` had set.
 */
export function cleanEnvironment(settings: Record<string, string> = {}): NodeJS.ProcessEnv {
  const kept = Object.entries(process.env).filter(([name]) => !name.startsWith("NEWSDESK_"));
  return { ...Object.fromEntries(kept), ...settings };
}

/**
 * Node's arguments for a command: those its script in package.json gives Node (the check's and `new`'s from their
 * bundles, the others' through tsx), with paths made absolute so it runs from this repository whatever folder it
 * runs in.
 */
export function commandArguments(command: Command, args: readonly string[]): string[] {
  const scripts = (JSON.parse(readFileSync(resolve(ROOT, "package.json"), "utf8")) as PackageJson).scripts;
  const [node, ...words] = (scripts[command] ?? "").split(" ");
  if (node !== "node") throw new Error(`package.json's ${command} script does not start with node`);
  return [...words.map((word) => (word.startsWith("src/") ? resolve(ROOT, word) : word)), ...args];
}

interface PackageJson {
  scripts: Record<string, string>;
}

/** Runs a command to its end with a clean environment: its exit status and what it printed. */
export function runCommand(
  command: Command,
  args: readonly string[],
  options: CommandOptions = {},
): SpawnSyncReturns<string> {
  return spawnSync(process.execPath, commandArguments(command, args), {
    cwd: options.cwd,
    encoding: "utf8",
    env: cleanEnvironment(options.env),
  });
}

/** Starts a command in the background with a clean environment, for a test that stops it or races it. */
export function startCommand(command: Command, args: readonly string[], options: CommandOptions = {}): ChildProcess {
  return spawn(process.execPath, commandArguments(command, args), {
    cwd: options.cwd,
    env: cleanEnvironment(options.env),
  });
}
