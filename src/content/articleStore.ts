import { existsSync, readFileSync } from "node:fs";
import { DateTime } from "luxon";
import { writeWhole } from "../system/files.ts";
import type { ArticleCache, ArticleFile, FileHashes } from "./articles.ts";
import { hasField, type ParsedFile, parseContentFile } from "./frontMatter.ts";
import type { Problem } from "./problems.ts";
import type { DatedNote } from "./schema.ts";

// `npm run check` keeps what it found in each article file on disk, so the next run reads again only the files that
// changed: at 10,000 articles, reading and parsing them is most of its time. What it keeps is JSON, with each date
// as milliseconds and its zone; a file's parsed body text and the lines of its fields are not kept, but read again
// from the file when something asks for them (a warning on a field that is there, or the check against the
// published history).

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

/** The store's file: the code it was written by, each article file's entry and its hash, by path. */
interface Stored {
  version: string;
  entries: [string, { stamp: string; article: StoredArticle; problems: Problem[] }][];
  hashes: [string, { status: string; hash: string }][];
}

const dateOut = (date: DateTime): StoredDate => ({ ms: date.toMillis(), zone: date.zoneName ?? "UTC" });
const dateIn = (date: StoredDate): DateTime => DateTime.fromMillis(date.ms, { zone: date.zone });

/** The article's notes and valid fields with every date passed through `convert`: into the store, or out of it. */
function withDates<From, To>(
  { notes, valid }: Pick<Dated<From>, "notes"> & { valid?: Dated<From>["valid"] },
  convert: (date: From) => To,
): Dated<To> {
  const note = (item: Note<From>): Note<To> => ({ ...item, date: convert(item.date) });
  return {
    notes: {
      // JSON keeps a correction that was not valid as null: undefined again when read.
      corrections: notes.corrections.map((item) => (item ? note(item) : undefined)),
      retraction: notes.retraction && note(notes.retraction),
    },
    valid: valid && {
      ...valid,
      date: convert(valid.date),
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
 * An article back from the store; `source` is its file, parsed again on demand for its body, its fields' lines and
 * (for a valid article, which keeps only its valid fields) the fields as written.
 */
function articleIn(stored: StoredArticle, source: string): ArticleFile {
  let again: ParsedFile | undefined;
  const parsed = () => {
    again ??= parseContentFile(existsSync(source) ? readFileSync(source, "utf8") : "");
    return again;
  };
  const { file } = stored;
  const kept = file.parsed;
  const { bodyLine, yamlErrors } = kept;
  const has = (field: string | number | undefined) =>
    "fields" in kept ? kept.fields.includes(String(field)) : hasField(kept.data, field);
  const dated = withDates(stored, dateIn);
  const data = dated.valid?.data;
  return {
    ...stored,
    authorKeys: data ? data.author : stored.authorKeys,
    related: data ? data.related : (stored.related ?? []),
    tags: data ? data.tags : (stored.tags ?? []),
    file: {
      path: file.path,
      parsed: {
        bodyLine,
        yamlErrors,
        get data() {
          return "data" in kept ? kept.data : parsed().data;
        },
        get body() {
          return parsed().body;
        },
        // A field that is not there has no line: no need to read the file for it (most warnings are of those).
        lineOf: (path) => (has(path[0]) ? parsed().lineOf(path) : undefined),
      },
      ...(file.refused ? { refused: true } : {}),
    },
    ...dated,
  };
}

/**
 * The articles and hashes kept in `file` by the same code `version`; empty when there is none, it was written by
 * other code, or it cannot be read (a store is only ever a shortcut).
 */
export function loadArticleStore(file: string, version: string): CheckStore {
  try {
    // Written as ASCII (see saveArticleStore): read byte for byte, which is quicker than decoding UTF-8.
    const stored = JSON.parse(readFileSync(file, "latin1")) as Stored;
    if (stored.version !== version) return empty();
    const store: CheckStore = {
      articles: new Map(
        stored.entries.map(([path, entry]) => [path, { ...entry, article: articleIn(entry.article, path) }]),
      ),
      hashes: new Map(stored.hashes),
    };
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
  const stored: Stored = {
    version,
    entries: [...store.articles].map(([path, entry]) => [path, { ...entry, article: articleOut(entry.article) }]),
    hashes: [...store.hashes],
  };
  // Anything past ASCII is written as a JSON escape, so the store reads back byte for byte.
  const text = JSON.stringify(stored).replace(
    /[^\0-\x7f]/g,
    (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, "0")}`,
  );
  writeWhole(file, text, "latin1");
}
