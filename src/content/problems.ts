/** One thing wrong with a content file, as a writer needs to hear it. */
export interface Problem {
  /** Path relative to the project, with forward slashes. */
  file: string;
  /** 1-based line of the offending field, when known. */
  line?: number;
  /** The front-matter field, like `title` or `related[1]`; empty for the file as a whole. */
  field: string;
  message: string;
  severity: "error" | "warning";
}

/** `path:line:field: message` (line left out when unknown, field left out for whole-file problems). */
export function formatProblem(problem: Problem): string {
  const where = [problem.file, problem.line, problem.field]
    .filter((part) => part !== undefined && part !== "")
    .join(":");
  return `${where}: ${problem.message}`;
}

/** Thrown when content has errors; carries every problem found in the run, not just the first. */
export class ContentError extends Error {
  readonly problems: Problem[];
  /**
   * Read by Eleventy's error handler (the dev server's), which then prints no stack trace after the message: the
   * message names each problem's file, line and field already, and a trace is the program's, not the writer's.
   */
  readonly skipOriginalStack = true;

  constructor(problems: Problem[]) {
    const errors = problems.filter((problem) => problem.severity === "error");
    super(
      `${errors.length} ${errors.length === 1 ? "problem" : "problems"} in the content; nothing was published:\n` +
        errors.map((problem) => `  ${formatProblem(problem)}`).join("\n"),
    );
    this.name = "ContentError";
    this.problems = problems;
  }
}

/** Orders problems by file, then line, so a report reads top to bottom. */
export function sortProblems(problems: Problem[]): Problem[] {
  return [...problems].sort(
    (a, b) => a.file.localeCompare(b.file) || (a.line ?? 0) - (b.line ?? 0) || a.field.localeCompare(b.field),
  );
}
