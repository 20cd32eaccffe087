import { spawnSync } from "node:child_process";

/**
 * Runs git in `dir` as one author, Ed, with the author and commit dates set to `date`, so a test writes history
 * at the dates it needs. Throws with git's message when git fails; returns what git printed, trimmed.
 */
export function datedGit(dir: string): (date: string, ...args: string[]) => string {
  return (date, ...args) => {
    const result = spawnSync("git", args, {
      cwd: dir,
      encoding: "utf8",
      env: {
        ...process.env,
        GIT_AUTHOR_NAME: "Ed",
        GIT_AUTHOR_EMAIL: "ed@example.org",
        GIT_COMMITTER_NAME: "Ed",
        GIT_COMMITTER_EMAIL: "ed@example.org",
        GIT_AUTHOR_DATE: date,
        GIT_COMMITTER_DATE: date,
      },
    });
    if (result.status !== 0) throw new Error(`git ${args.join(" ")}: ${result.stderr}`);
    return result.stdout.trim();
  };
}
