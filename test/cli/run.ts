import { type Command, runCommand } from "../../support/commands.ts";

/** What a command said: its exit status, its standard output as lines, and its standard error. */
export interface Said {
  status: number | null;
  out: string[];
  err: string;
}

/** Runs one of Newsdesk's commands as a writer would, with a clean environment (support/commands.ts). */
export function run(command: Command, ...args: string[]): Said {
  const result = runCommand(command, args);
  return { status: result.status, out: result.stdout.trim().split("\n"), err: result.stderr.trim() };
}
