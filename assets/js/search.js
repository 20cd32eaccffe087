/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
// @ts-check
// The search page's behaviour: runs the form against the Pagefind index as the reader types, keeps the
// address bar in step (/search/?q=micron&topic=China+Bond), and renders results with text nodes only.
// Pagefind's search API: https://pagefind.app/docs/api/

/**
 * @typedef {{ url: string, content: string, excerpt: string, meta: Record<string, string | undefined> }} ResultData
 * @typedef {{ id: string, data: () => Promise<ResultData> }} Result
 * @typedef {{ filters?: Record<string, string>, sort?: Record<string, "asc" | "desc"> }} SearchOptions
 * @typedef {{ search: (term: string | null, options?: SearchOptions) => Promise<{ results: Result[] } | null>, preload: (term: string) => void, options: (options: Record<string, unknown>) => Promise<void>, mergeIndex: (bundle: string, options?: Record<string, unknown>) => Promise<void> }} Pagefind
 */

// Each result's record holds its whole text, so load ten at a time: the first search stays small.
const PAGE_SIZE = 10;

/** @param {string} id */
function element(id) {
  const found = document.getElementById(id);
  if (!found) throw new Error(`search page is missing #${id}`);
  return found;
}

const form = /** @type {HTMLFormElement} */ (element("search-form"));
const query = /** @type {HTMLInputElement} */ (element("search-query"));
const topic = /** @type {HTMLSelectElement} */ (element("search-topic"));
const author = /** @type {HTMLSelectElement} */ (element("search-author"));
const sort = /** @type {HTMLSelectElement} */ (element("search-sort"));
const status = element("search-status");
const list = element("search-results");
const more = /** @type {HTMLButtonElement} */ (element("search-more"));
// The search index's parts, newest first: a large archive is indexed in parts of so many articles, which Pagefind
// merges here (https://pagefind.app/docs/multisite/). Each is tagged with a filter of its own, "part".
const bundles = (form.dataset.searchBundles || "/pagefind/").split(" ");

/** @type {Promise<Pagefind> | undefined} */
let pagefindLoading;
function pagefind() {
  // Searching on the page's own thread spares the download of Pagefind's worker script.
  pagefindLoading ??= import(`${bundles[0]}pagefind.js`).then(async (engine) => {
    await engine.options({ noWorker: true, mergeFilter: { part: "0" } });
    await Promise.all(
      bundles.slice(1).map((bundle, index) => engine.mergeIndex(bundle, { mergeFilter: { part: String(index + 1) } })),
    );
    return engine;
  });
  return pagefindLoading;
}

/** How Pagefind's excerpt builder splits a page's text into words (pagefind.js, build_excerpt). */
const WORD_SEPARATORS = /[^\S\uFEFF]+/;
/** A word that ends a sentence: . ! ? or … maybe followed by closing quotes or brackets. */
const SENTENCE_END = /[.!?…]["'”’)\]]*$/;

/**
 * Whether the excerpt starts and ends in the middle of a sentence. Pagefind's excerpt is a run of the page's
 * words (its text with < and > escaped, matches in <mark>), so find that run and look at the words around it.
 * @param {ResultData} data
 */
function cutSentences(data) {
  const words = data.content
    .split(WORD_SEPARATORS)
    .filter((word) => word !== "")
    .map((word) => word.replace(/</g, "&lt;").replace(/>/g, "&gt;"));
  const excerpt = data.excerpt
    .replace(/<\/?mark>/g, "")
    .split(WORD_SEPARATORS)
    .filter((word) => word !== "");
  const start = words.findIndex((_, index) => excerpt.every((word, offset) => words[index + offset] === word));
  const last = excerpt[excerpt.length - 1];
  if (start < 0 || last === undefined) return { before: false, after: false };
  const previous = words[start - 1];
  return {
    before: previous !== undefined && !SENTENCE_END.test(previous),
    after: start + excerpt.length < words.length && !SENTENCE_END.test(last),
  };
}

/**
 * Pagefind's excerpt is entity-encoded text with <mark> around matches; rebuild it as text and <mark> nodes,
 * with an ellipsis where it cuts a sentence.
 * @param {ResultData} data
 */
function excerptNodes(data) {
  const decoder = document.createElement("textarea");
  const paragraph = document.createElement("p");
  paragraph.className = "search-result__excerpt";
  const cut = cutSentences(data);
  if (cut.before) paragraph.append("…");
  data.excerpt.split(/(<mark>.*?<\/mark>)/).forEach((part) => {
    const marked = /^<mark>(.*)<\/mark>$/.exec(part);
    decoder.innerHTML = marked ? (marked[1] ?? "") : part;
    const text = document.createTextNode(decoder.value);
    if (marked) {
      const mark = document.createElement("mark");
      mark.append(text);
      paragraph.append(mark);
    } else {
      paragraph.append(text);
    }
  });
  if (cut.after) paragraph.append("…");
  return paragraph;
}

/** @param {ResultData} data */
function resultItem(data) {
  const item = document.createElement("li");
  item.className = "search-result";
  if (data.meta.image) {
    const image = document.createElement("img");
    image.className = "search-result__image";
    image.src = data.meta.image;
    image.alt = "";
    image.width = 160;
    image.height = 90;
    image.loading = "lazy";
    item.append(image);
  }
  const text = document.createElement("div");
  const heading = document.createElement("h2");
  heading.className = "search-result__headline";
  const link = document.createElement("a");
  link.href = data.url;
  link.textContent = data.meta.title ?? data.url;
  heading.append(link);
  text.append(heading);
  if (data.meta.date) {
    const date = document.createElement("p");
    date.className = "search-result__date";
    date.textContent = data.meta.date;
    text.append(date);
  }
  text.append(excerptNodes(data));
  item.append(text);
  return item;
}

/** The form as a query string, without empty fields. */
function formState() {
  const params = new URLSearchParams();
  for (const [name, value] of new FormData(form)) {
    if (typeof value === "string" && value.trim() !== "") params.set(name, value.trim());
  }
  return params;
}

/** @type {Result[]} */
let results = [];
let shown = 0;
let generation = 0;

async function showMore() {
  const batch = results.slice(shown, shown + PAGE_SIZE);
  const current = generation;
  const data = await Promise.all(batch.map((result) => result.data()));
  if (current !== generation) return;
  list.append(...data.map(resultItem));
  shown += batch.length;
  more.hidden = shown >= results.length;
}

async function runSearch() {
  const params = formState();
  history.replaceState(null, "", params.size > 0 ? `?${params}` : location.pathname);
  const current = ++generation;
  const term = params.get("q") ?? "";
  /** @type {Record<string, string>} */
  const filters = {};
  if (params.has("topic")) filters.topic = params.get("topic") ?? "";
  if (params.has("author")) filters.author = params.get("author") ?? "";
  if (term === "" && Object.keys(filters).length === 0) {
    list.replaceChildren();
    status.textContent = "";
    more.hidden = true;
    return;
  }
  status.textContent = "Searching…";
  const engine = await pagefind();
  const found = await find(engine, term === "" ? null : term, filters, params.get("sort") === "newest");
  if (current !== generation || found === null) return;
  results = found;
  shown = 0;
  list.replaceChildren();
  const quoted = term === "" ? "these filters" : `“${term}”`;
  status.textContent =
    results.length === 0
      ? `No articles match ${quoted}.`
      : `${results.length} ${results.length === 1 ? "article matches" : "articles match"} ${quoted}.`;
  await showMore();
}

/**
 * The articles that match, most relevant first or newest first. Pagefind merges the parts' results by score, and
 * when sorting, a result's score is its place in its own part, so newest first asks each part in turn, newest part
 * first: the parts hold articles in order of publication.
 * @param {Pagefind} engine
 * @param {string | null} term
 * @param {Record<string, string>} filters
 * @param {boolean} newest
 * @returns {Promise<Result[] | null>}
 */
async function find(engine, term, filters, newest) {
  if (!newest) return (await engine.search(term, { filters }))?.results ?? null;
  const parts = await Promise.all(
    bundles.map((_, part) =>
      engine.search(term, { filters: { ...filters, part: String(part) }, sort: { date: "desc" } }),
    ),
  );
  return parts.some((part) => part === null) ? null : parts.flatMap((part) => part?.results ?? []);
}

let typing = 0;
query.addEventListener("input", () => {
  void pagefind().then((engine) => engine.preload(query.value));
  clearTimeout(typing);
  typing = window.setTimeout(runSearch, 250);
});
for (const select of [topic, author, sort]) select.addEventListener("change", runSearch);
form.addEventListener("submit", (event) => {
  event.preventDefault();
  clearTimeout(typing);
  void runSearch();
});
more.addEventListener("click", () => void showMore());

// Open with the search in the address bar run, e.g. from the header's search box.
const initial = new URLSearchParams(location.search);
query.value = initial.get("q") ?? "";
for (const [select, name] of /** @type {const} */ ([
  [topic, "topic"],
  [author, "author"],
  [sort, "sort"],
])) {
  const value = initial.get(name);
  if (value !== null && [...select.options].some((option) => option.value === value)) select.value = value;
}
if (initial.size > 0) void runSearch();
