import { type ParseArgsConfig, parseArgs } from "node:util";

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
