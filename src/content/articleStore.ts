import { existsSync, readFileSync } from "node:fs";
import { DateTime } from "luxon";
import { fileLines, writeWhole } from "../system/files.ts";
import type { ArticleCache, ArticleFile, FileHashes } from "./articles.ts";
import { hasField, type ParsedFile, parseContentFile } from "./frontMatter.ts";
import type { Problem } from "./problems.ts";
import type { DatedNote } from "./schema.ts";

// `npm run check` keeps what it found in each article file on disk, so the next run reads again only the files that
// changed: at 10,000 articles, reading and parsing them is most of its time. What it keeps is JSON, with each date
// as milliseconds and its zone; a file's parsed body text and the lines of its fields are not kept, but read again
// from the file when something asks for them (a warning on a field that is there, or the check against the
// published history). The store is one line of JSON per file, after a first line naming the code that wrote it and
// how many files follow: read line by line, it is never held whole, as bytes or as one string (at 100,000 articles
// it is 200 MB, and fresh memory is slow to come by).

/** A date as kept: milliseconds and the zone's name. */
interface StoredDate {
  ms: number;
  zone: string;
}

/** A dated note with its date as `D`: a DateTime when read, a StoredDate when kept. */
type Note<D> = Omit<DatedNote, "date"> & { date: D };

/** An article's notes and valid fields, with their dates as `D`. */
interface Dated<D> {
  notes: { corrections: (Note<D> | undefined)[]; retraction?: Note<D> };
  // Always there, though undefined for a file that is not valid, so that it replaces the article's own when spread.
  valid:
    | (Omit<NonNullable<ArticleFile["valid"]>, "date" | "updated" | "corrections" | "retraction"> & {
        date: D;
        updated?: D;
        corrections: Note<D>[];
        retraction?: Note<D>;
      })
    | undefined;
}

/**
 * An article as kept on disk: JSON, dates as StoredDate, the file without its body or lines. A valid article keeps
 * its front matter once, as its valid fields: the file's own fields are only named (for their lines), and the fields
 * read on their own are its valid ones.
 */
interface StoredArticle
  extends Omit<ArticleFile, "file" | "notes" | "valid" | "authorKeys" | "related" | "tags">,
    Dated<StoredDate>,
    Partial<Pick<ArticleFile, "authorKeys" | "related" | "tags">> {
  file: {
    path: string;
    parsed: Pick<ParsedFile, "bodyLine" | "yamlErrors"> & ({ data: unknown } | { fields: string[] });
    refused?: true;
  };
}

/** What the check keeps between runs: what it found in each article file, and the hashes that stamp the files. */
export interface CheckStore {
  articles: ArticleCache;
  hashes: FileHashes;
}

/** The store's first line: the code it was written by, and how many lines follow it, one per article file. */
interface StoredHead {
  version: string;
  files: number;
}

/** A line after the first: an article file's path, what was found in it, and its hash when it has one. */
type StoredLine = [string, { stamp: string; article: StoredArticle; problems: Problem[] }, FileHash | null];

type FileHash = FileHashes extends Map<string, infer Hash> ? Hash : never;

const dateOut = (date: DateTime): StoredDate => ({ ms: date.toMillis(), zone: date.zoneName ?? "UTC" });
const dateIn = (date: StoredDate): DateTime => DateTime.fromMillis(date.ms, { zone: date.zone });

/** The article's notes and valid fields with every date passed through `convert`: into the store, or out of it. */
function withDates<From, To>(
  { notes, valid }: Pick<Dated<From>, "notes"> & { valid?: Dated<From>["valid"] },
  convert: (date: From) => To,
): Dated<To> {
  // Each object is made field by field, not spread from the one it converts: V8 gives objects spread from JSON's a
  // hidden class each, and with 100,000 of those every read of a field elsewhere is slow (see articleIn).
  const note = (item: Note<From>): Note<To> => ({
    date: convert(item.date),
    dateOnly: item.dateOnly,
    noteHtml: item.noteHtml,
  });
  return {
    notes: {
      // JSON keeps a correction that was not valid as null: undefined again when read.
      corrections: notes.corrections.map((item) => (item ? note(item) : undefined)),
      retraction: notes.retraction && note(notes.retraction),
    },
    valid: valid && {
      data: valid.data,
      date: convert(valid.date),
      dateOnly: valid.dateOnly,
      updated: valid.updated && convert(valid.updated),
      corrections: valid.corrections.map(note),
      retraction: valid.retraction && note(valid.retraction),
    },
  };
}

function articleOut(article: ArticleFile): StoredArticle {
  const { file, valid } = article;
  const { data, bodyLine, yamlErrors } = file.parsed;
  // A valid article's fields are its valid data: the file's own are named only, for their lines.
  const parsed = valid
    ? { fields: typeof data === "object" && data !== null ? Object.keys(data) : [], bodyLine, yamlErrors }
    : { data, bodyLine, yamlErrors };
  return {
    ...article,
    ...(valid ? { authorKeys: undefined, related: undefined, tags: undefined } : {}),
    file: { path: file.path, parsed, refused: file.refused },
    ...withDates(article, dateOut),
  };
}

/**
 * A file's parse as kept in the store: its body, its fields' lines and (for a valid article, which keeps only its
 * valid fields) its fields as written are read again from the file `source` when something asks for them. One class
 * for all, where getters on each object would give every article's its own hidden class in V8.
 */
class KeptParse implements ParsedFile {
  readonly bodyLine: number;
  readonly yamlErrors: ParsedFile["yamlErrors"];
  readonly #kept: StoredArticle["file"]["parsed"];
  readonly #source: string;
  #again: ParsedFile | undefined;

  constructor(kept: StoredArticle["file"]["parsed"], source: string) {
    this.bodyLine = kept.bodyLine;
    this.yamlErrors = kept.yamlErrors;
    this.#kept = kept;
    this.#source = source;
  }

  #parsed(): ParsedFile {
    this.#again ??= parseContentFile(existsSync(this.#source) ? readFileSync(this.#source, "utf8") : "");
    return this.#again;
  }

  get data(): unknown {
    return "data" in this.#kept ? this.#kept.data : this.#parsed().data;
  }

  get body(): string {
    return this.#parsed().body;
  }

  lineOf(path: readonly (string | number)[]): number | undefined {
    // A field that is not there has no line: no need to read the file for it (most warnings are of those).
    const kept = this.#kept;
    const there = "fields" in kept ? kept.fields.includes(String(path[0])) : hasField(kept.data, path[0]);
    return there ? this.#parsed().lineOf(path) : undefined;
  }
}

/**
 * An article back from the store; `source` is its file, parsed again on demand (see KeptParse). Made field by field:
 * spread from the stored object, each article had a hidden class of its own in V8 (10,000 at 10,000 articles, 7 MB of
 * them), and every read of one of its fields missed V8's caches.
 */
function articleIn(stored: StoredArticle, source: string): ArticleFile {
  const { file } = stored;
  const { notes, valid } = withDates(stored, dateIn);
  const data = valid?.data;
  const parsed = new KeptParse(file.parsed, source);
  return {
    file: file.refused ? { path: file.path, parsed, refused: true } : { path: file.path, parsed },
    slug: stored.slug,
    explicitSlug: stored.explicitSlug,
    authorKeys: data ? data.author : stored.authorKeys,
    related: data ? data.related : (stored.related ?? []),
    tags: data ? data.tags : (stored.tags ?? []),
    aliases: stored.aliases,
    notes,
    body: stored.body,
    valid,
  };
}

/**
 * The articles and hashes kept in `file` by the same code `version`; empty when there is none, it was written by
 * other code, or it cannot be read (a store is only ever a shortcut).
 */
export function loadArticleStore(file: string, version: string): CheckStore {
  try {
    // Written as ASCII (see saveArticleStore): read byte for byte, which is quicker than decoding UTF-8.
    const store = empty();
    const lines = fileLines(file, "latin1");
    try {
      const head = JSON.parse(lines.next().value ?? "") as StoredHead;
      if (head.version !== version) return empty();
      for (const line of lines) {
        const [path, entry, hash] = JSON.parse(line) as StoredLine;
        store.articles.set(path, {
          stamp: entry.stamp,
          article: articleIn(entry.article, path),
          problems: entry.problems,
        });
        if (hash) store.hashes.set(path, hash);
      }
      // A store cut short (by a disk that filled up under another program, say) is not used at all.
      if (store.articles.size !== head.files) return empty();
    } finally {
      // The file is closed however the reading ends.
      lines.return(undefined);
    }
    loaded.set(store, [new Set(store.articles.values()), new Set(store.hashes.values())]);
    return store;
  } catch {
    return empty();
  }
}

const empty = (): CheckStore => ({ articles: new Map(), hashes: new Map() });

/** The entries each store had when it was loaded: one that still holds just those need not be written again. */
const loaded = new WeakMap<CheckStore, [Set<unknown>, Set<unknown>]>();

function unchanged(store: CheckStore): boolean {
  const before = loaded.get(store);
  const same = (now: Map<string, unknown>, then: Set<unknown>) =>
    then.size === now.size && [...now.values()].every((entry) => then.has(entry));
  return before !== undefined && same(store.articles, before[0]) && same(store.hashes, before[1]);
}

/**
 * Keeps `store` in `file` for the next run, unless it holds what was loaded from there; written whole under another
 * name and then renamed, so a run that is stopped, or two at once, never leave half a store. A store that cannot be
 * written (a full or read-only disk) is not kept, and the next run reads every file again. Hashes are kept only for
 * the article files still there.
 */
export function saveArticleStore(file: string, version: string, store: CheckStore): void {
  for (const path of store.hashes.keys()) if (!store.articles.has(path)) store.hashes.delete(path);
  if (unchanged(store)) return;
  const head: StoredHead = { version, files: store.articles.size };
  writeWhole(file, storedLines(head, store), "latin1");
}

/**
 * `value` as JSON in ASCII: anything past ASCII is written as a JSON escape, so the store reads back byte for byte.
 * JSON escapes line ends in strings, so the text is one line.
 */
const asciiJson = (value: unknown): string =>
  JSON.stringify(value).replace(/[^\0-\x7f]/g, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, "0")}`);

/** The store's lines, a few hundred files' at a time, each line ending in a line end. */
function* storedLines(head: StoredHead, store: CheckStore): Generator<string> {
  let piece = `${JSON.stringify(head)}\n`;
  for (const [path, entry] of store.articles) {
    const line: StoredLine = [path, { ...entry, article: articleOut(entry.article) }, store.hashes.get(path) ?? null];
    piece += `${asciiJson(line)}\n`;
    if (piece.length > 1 << 20) {
      yield piece;
      piece = "";
    }
  }
  yield piece;
}
