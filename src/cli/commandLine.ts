import { realpathSync } from "node:fs";
import { pathToFileURL } from "node:url";
import { type ParseArgsConfig, parseArgs } from "node:util";
import { DateTime } from "luxon";
import { type BuildOptions, type GivenOptions, resolveOptions } from "../newsroom/options.ts";

/**
 * A command's arguments, or the exit code it ends with: `--help` prints `usage` (0); an unknown or malformed
 * option prints what is wrong, then `usage` (2). Every command takes `--help`.
 * https://nodejs.org/api/util.html#utilparseargsconfig
 */
export function commandLine<Config extends ParseArgsConfig>(
  config: Config,
  usage: string,
): ReturnType<typeof parseArgs<Config>> | number {
  let parsed: ReturnType<typeof parseArgs<Config>>;
  try {
    parsed = parseArgs(config);
  } catch (error) {
    console.error(`${(error as Error).message}\n\n${usage}`);
    return 2;
  }
  if ((parsed.values as { help?: boolean }).help) {
    console.log(usage);
    return 0;
  }
  return parsed;
}

/**
 * Whether the module at `moduleUrl` (its `import.meta.url`) is the one Node was started with: a command runs only
 * then, so its pure parts can be imported (by another command, by a test) without running it.
 */
export function isEntry(moduleUrl: string): boolean {
  const started = process.argv[1];
  if (!started) return false;
  try {
    return pathToFileURL(realpathSync(started)).href === moduleUrl;
  } catch {
    return false;
  }
}

/** A command's build options with "now" settled (the clock when none was given), or exit code 2 after saying why. */
export function commandOptions(given: GivenOptions, usage: string): (BuildOptions & { now: DateTime }) | number {
  try {
    const options = resolveOptions(given);
    return { ...options, now: options.now ?? DateTime.now() };
  } catch (error) {
    console.error(`${(error as Error).message}\n\n${usage}`);
    return 2;
  }
}
