/**
 * A copy of `text` that shares no memory with the string it was cut from. V8 keeps a whole string alive while any
 * slice of it is, so a headline kept from an article file would keep the whole file (the files' text was half of
 * what a loaded newsroom held): what is kept long from a longer text is copied first.
 */
export function ownCopy(text: string): string {
  return Buffer.from(text, "utf16le").toString("utf16le");
}
