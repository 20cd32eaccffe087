import { relative, sep } from "node:path";
import type { z } from "zod";
import { type ParsedFile, parseContentFile } from "./frontMatter.ts";
import type { Problem } from "./problems.ts";
import { frontMatterProblems, readContentText } from "./safety.ts";

/** A content file as read: its path for messages and its parsed front matter and body. */
export interface SourceFile {
  path: string;
  parsed: ParsedFile;
  /** Set when the file could not be used at all (see safety.ts): reported once, never field by field. */
  refused?: true;
}

/** Collects problems for one file, with the line of each field when the YAML has it. */
export class FileProblems {
  constructor(
    private readonly file: SourceFile,
    private readonly into: Problem[],
  ) {}

  error(path: readonly (string | number)[], message: string): void {
    this.add("error", path, message);
  }

  warning(path: readonly (string | number)[], message: string): void {
    this.add("warning", path, message);
  }

  /** A problem on a line of the body, such as a broken link. */
  at(severity: Problem["severity"], line: number, field: string, message: string): void {
    this.into.push({ file: this.file.path, line, field, message, severity });
  }

  private add(severity: Problem["severity"], path: readonly (string | number)[], message: string): void {
    this.into.push({
      file: this.file.path,
      line: this.file.parsed.lineOf(path),
      field: fieldName(path),
      message,
      severity,
    });
  }
}

/** `related[1].url` from ["related", 1, "url"]. */
export function fieldName(path: readonly PropertyKey[]): string {
  return path.reduce<string>(
    (name, part) => (typeof part === "number" ? `${name}[${part}]` : name ? `${name}.${String(part)}` : String(part)),
    "",
  );
}

/**
 * One front-matter field parsed on its own by its part of `schema`, or undefined when it is missing or wrong: the
 * checks that need it still run when another field is wrong (those are reported by `validate`).
 */
export function fieldOf<Shape extends z.ZodRawShape, Key extends keyof Shape & string>(
  schema: z.ZodObject<Shape>,
  raw: unknown,
  key: Key,
): z.output<Shape[Key]> | undefined {
  const value = typeof raw === "object" && raw !== null ? (raw as Record<string, unknown>)[key] : undefined;
  const result = (schema.shape[key] as z.ZodType).safeParse(value);
  return result.success ? (result.data as z.output<Shape[Key]>) : undefined;
}

/** A path relative to the working directory, with forward slashes, as messages show it. */
export function displayPath(path: string): string {
  return relative(process.cwd(), path).split(sep).join("/");
}

/** Reads and parses content files, in the order given. */
export function readSources(paths: string[], problems: Problem[]): SourceFile[] {
  return paths.map((path) => readSource(path, problems));
}

/** Reads and parses a content file, reporting a file that cannot be used (see safety.ts) and broken YAML. */
export function readSource(path: string, problems: Problem[]): SourceFile {
  const read = readContentText(path);
  const file: SourceFile = { path: displayPath(path), parsed: parseContentFile(read.ok ? read.text : "") };
  const refusals = read.ok
    ? frontMatterProblems(read.text, file.parsed.bodyLine, file.parsed.yamlErrors.length > 0)
    : [read];
  for (const refusal of refusals)
    problems.push({ file: file.path, line: refusal.line, field: "", message: refusal.message, severity: "error" });
  if (refusals.length > 0) return { path: file.path, parsed: { ...file.parsed, data: {}, body: "" }, refused: true };
  for (const yamlError of file.parsed.yamlErrors) {
    problems.push({
      file: file.path,
      line: yamlError.line,
      field: "",
      message: `front matter is not valid YAML: ${yamlError.message}`,
      severity: "error",
    });
  }
  return file;
}

/**
 * Field problems reported per file: past this, a file is not what the schema expects at all, and a list of thousands
 * helps nobody.
 */
export const MAX_FIELD_PROBLEMS = 50;

/** Validates front matter against a schema, reporting each issue against its field (at most MAX_FIELD_PROBLEMS). */
export function validate<Schema extends z.ZodType>(
  schema: Schema,
  file: SourceFile,
  problems: Problem[],
): z.output<Schema> | undefined {
  if (file.refused || file.parsed.yamlErrors.length > 0) return undefined;
  const result = schema.safeParse(file.parsed.data);
  if (result.success) return result.data;
  const report = new FileProblems(file, problems);
  const issues = result.error.issues.flatMap((issue) =>
    issue.code === "unrecognized_keys"
      ? issue.keys.map((key) => ({
          path: [...issue.path.map(pathPart), key],
          message: "is not a field we know; check the spelling",
        }))
      : [{ path: issue.path.map(pathPart), message: issue.message }],
  );
  for (const issue of issues.slice(0, MAX_FIELD_PROBLEMS)) report.error(issue.path, issue.message);
  if (issues.length > MAX_FIELD_PROBLEMS)
    report.error(
      [],
      `has ${issues.length - MAX_FIELD_PROBLEMS} more problems in its front matter than the ${MAX_FIELD_PROBLEMS} ` +
        `listed; fix those first`,
    );
  return undefined;
}

/** A zod issue path segment as a front-matter path segment. */
export function pathPart(part: PropertyKey): string | number {
  return typeof part === "number" ? part : String(part);
}
