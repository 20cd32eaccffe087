import type { Problem } from "./problems.ts";
import { FileProblems, type SourceFile } from "./sources.ts";

/** Text a command writes into a new file for the writer to replace: the command, and what belongs there instead. */
export interface Placeholder {
  text: string;
  command: string;
  instead: string;
}

/** The body `npm run new` writes into a new article: a prompt for the writer, never part of a published story. */
export const STORY_PLACEHOLDER: Placeholder = {
  text: "Write the story here. Use ## for sub-headings, and see docs/writing.md for everything else.",
  command: "npm run new",
  instead: "the story, or keep draft: true until it is written",
};

/** The editor's note `npm run edition` writes into a new edition: a prompt for the editor, never sent. */
export const NOTE_PLACEHOLDER: Placeholder = {
  text: "A few sentences from the editor: what this edition is about and why it matters to readers.",
  command: "npm run edition",
  instead: "the editor's note",
};

/** Reports, as an error on its line, a body that still holds the placeholder's text. */
export function reportPlaceholder(file: SourceFile, placeholder: Placeholder, problems: Problem[]): void {
  const line = file.parsed.body.split("\n").findIndex((text) => text.includes(placeholder.text));
  if (line < 0) return;
  const { command, instead } = placeholder;
  const message = `still holds the placeholder that ${command} wrote: replace the placeholder text with ${instead}`;
  new FileProblems(file, problems).at("error", file.parsed.bodyLine + line, "body", message);
}
