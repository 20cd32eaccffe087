import { DateTime } from "luxon";
import { suite } from "uvu";
import * as assert from "uvu/assert";
import {
  carryReadOn,
  computeReadOn,
  labelTopics,
  offersShowing,
  type ReadOn,
  readOn,
  readOnOffers,
} from "../../src/collections/readOn.ts";
import type { Article, Newsroom, Topic } from "../../src/content/schema.ts";
import { articleFile, contentTree, load, validFields } from "../helpers.ts";

const topic = (name: string): Topic => {
  const slug = name.toLowerCase().replace(/\s+/g, "-");
  return { slug, name, url: `/topics/${slug}/` };
};
const TOPICS = { bond: topic("China Bond"), chips: topic("Semiconductors"), ports: topic("Ports") };

/** A published article on `day` of March 2024 (a fraction is hours), filed under `topics`. */
function story(slug: string, day: number, topics: Topic[], extra: Partial<Article> = {}): Article {
  const date = DateTime.fromISO("2024-03-01T00:00:00Z").plus({ hours: (day - 1) * 24 });
  return {
    slug,
    url: `/news/${slug}/`,
    sourcePath: `content/news/2024/${slug}.md`,
    title: `Story ${slug}`,
    date,
    dateOnly: false,
    authors: [],
    topics,
    related: [],
    aliases: [],
    corrections: [],
    modified: date,
    draft: false,
    featured: false,
    scheduled: false,
    html: "",
    readingMinutes: 1,
    calloutArticles: [],
    ...extra,
  };
}

/** A seeded generator of numbers in [0, 1), so the shuffles are the same on every run. */
function seeded(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state / 2147483648;
  };
}

const internal = (slug: string) => ({ title: `Story ${slug}`, url: `/news/${slug}/`, external: false });
const slugsOf = (offer: ReadOn | undefined) => offer?.more.map((article) => article.slug);
const offerOf = (articles: Article[], slug: string) => computeReadOn(articles).get(`/news/${slug}/`);

const ranking = suite("automatic ALSO SEE stories are ranked by shared topics, then recency, then slug");

ranking("a story sharing two topics outranks newer stories sharing one", () => {
  const { bond, chips } = TOPICS;
  const articles = [
    story("me", 10, [bond, chips]),
    story("both", 2, [chips, bond]),
    story("bond-new", 9, [bond]),
    story("chips-new", 8, [chips]),
    story("bond-old", 1, [bond]),
  ];
  assert.equal(slugsOf(offerOf(articles, "me")), ["both", "bond-new", "chips-new"]);
});

ranking("stories of the same moment sharing as many topics come in slug order", () => {
  const articles = [
    story("me", 10, [TOPICS.bond]),
    ...["c", "a", "d", "b"].map((slug) => story(slug, 5, [TOPICS.bond])),
  ];
  assert.equal(slugsOf(offerOf(articles, "me")), ["a", "b", "c"]);
});

ranking("a story sharing no topic is never offered, however new", () => {
  const articles = [story("me", 1, [TOPICS.bond]), story("ports", 20, [TOPICS.ports]), story("bond", 2, [TOPICS.bond])];
  assert.equal(slugsOf(offerOf(articles, "me")), ["bond"]);
});

ranking("a newer story is offered as readily as an older one: relevance is not about coming after", () => {
  const articles = [story("me", 5, [TOPICS.bond]), story("older", 1, [TOPICS.bond]), story("newer", 9, [TOPICS.bond])];
  assert.equal(slugsOf(offerOf(articles, "me")), ["newer", "older"]);
});

ranking("the same articles in any order give the same lists and neighbours", () => {
  const { bond, chips, ports } = TOPICS;
  const choices = [[bond], [chips], [ports], [bond, chips], [chips, ports], [ports, bond, chips]];
  const random = seeded(18);
  const articles = Array.from({ length: 60 }, (_, index) =>
    story(`s${index}`, 1 + Math.floor(random() * 10), choices[Math.floor(random() * choices.length)] ?? [bond]),
  );
  const shown = (offers: Map<string, ReadOn>) =>
    [...offers].map(([url, offer]) => [url, slugsOf(offer), offer.previous?.slug, offer.next?.slug]).sort();
  const expected = shown(computeReadOn(articles));
  for (let round = 0; round < 5; round++) {
    const shuffled = articles
      .map((article) => ({ article, key: random() }))
      .sort((a, b) => a.key - b.key)
      .map(({ article }) => article);
    assert.equal(shown(computeReadOn(shuffled)), expected);
  }
});

ranking("the lists are the top three of every story ranked in full, on a random newsroom", () => {
  const { bond, chips, ports } = TOPICS;
  const choices = [[bond], [chips], [ports], [bond, chips], [chips, ports], [ports, bond, chips]];
  const random = seeded(7);
  const articles = Array.from({ length: 80 }, (_, index) =>
    story(`s${index}`, 1 + random() * 30, choices[Math.floor(random() * choices.length)] ?? [bond]),
  );
  const offers = computeReadOn(articles);
  for (const article of articles) {
    const shared = (other: Article) => other.topics.filter((topic) => article.topics.includes(topic)).length;
    const ranked = articles
      .filter((other) => other !== article && shared(other) > 0)
      .sort((a, b) => shared(b) - shared(a) || b.date.toMillis() - a.date.toMillis() || (a.slug < b.slug ? -1 : 1));
    assert.equal(
      slugsOf(offers.get(article.url)),
      ranked.slice(0, 3).map((other) => other.slug),
      article.slug,
    );
  }
});

ranking.run();

const exclusions = suite("automatic ALSO SEE stories leave out what a reader should not be sent to again");

exclusions("never the article itself, a draft, a scheduled story or a retracted one", () => {
  const { bond } = TOPICS;
  const articles = [
    story("me", 5, [bond]),
    story("draft", 9, [bond], { draft: true }),
    story("scheduled", 8, [bond], { scheduled: true }),
    story("retracted", 7, [bond], {
      retraction: { date: DateTime.fromISO("2024-03-08T00:00:00Z"), dateOnly: true, noteHtml: "" },
    }),
    story("published", 1, [bond]),
  ];
  assert.equal(slugsOf(offerOf(articles, "me")), ["published"]);
});

exclusions("never a story already in the hand-picked list or linked from the inline callout", () => {
  const { bond } = TOPICS;
  const articles = [
    story("me", 10, [bond], { related: [internal("picked")], calloutArticles: ["/news/callout/"] }),
    story("picked", 9, [bond]),
    story("callout", 8, [bond]),
    story("a", 3, [bond]),
    story("b", 2, [bond]),
    story("c", 1, [bond]),
  ];
  assert.equal(slugsOf(offerOf(articles, "me")), ["a", "b"]);
});

exclusions("a story the callout links to by an old address is left out too", () => {
  const { bond } = TOPICS;
  const articles = [
    story("me", 10, [bond], { calloutArticles: ["/2019/05/renamed.html"] }),
    story("renamed", 9, [bond], { aliases: ["/2019/05/renamed.html"] }),
    story("a", 3, [bond]),
  ];
  assert.equal(slugsOf(offerOf(articles, "me")), ["a"]);
});

exclusions("a loaded article's callout links count however they are written: full address, old address", async () => {
  const fields = (title: string, day: string, extra = "") =>
    `title: ${title}\ndate: 2024-03-${day}\nauthor: ana-lim\ntags: [China Bond]${extra}`;
  const { newsroom } = await load(
    contentTree({
      "news/2024/me.md": articleFile(
        fields("Me", "20"),
        "Text.\n\n::: also-see\n- [X](https://test.example/news/x/#top)\n- [Y](/2019/05/y.html)\n:::\n",
      ),
      "news/2024/x.md": articleFile(fields("X", "10")),
      "news/2024/y.md": articleFile(fields("Y", "09", "\naliases: [/2019/05/y.html]")),
      "news/2024/z.md": articleFile(fields("Z", "01")),
    }),
  );
  const me = newsroom.articles.find((article) => article.slug === "me");
  assert.equal(me?.calloutArticles, ["/news/x/", "/2019/05/y.html"]);
  assert.equal(slugsOf(computeReadOn(newsroom.articles).get("/news/me/")), ["z"]);
});

exclusions("fewer than three hand-picked links are filled to three, external links counting", () => {
  const { bond } = TOPICS;
  const others = ["a", "b", "c", "d"].map((slug, index) => story(slug, 5 - index, [bond]));
  const external = { title: "IMF outlook", url: "https://example.org/imf", external: true };
  const fill = (related: Article["related"]) =>
    slugsOf(offerOf([story("me", 9, [bond], { related }), ...others], "me"));
  assert.equal(fill([]), ["a", "b", "c"]);
  assert.equal(fill([external]), ["a", "b"]);
  assert.equal(fill([external, internal("a")]), ["b"]);
  assert.equal(fill([external, internal("a"), internal("b")]), []);
  assert.equal(fill([external, internal("a"), internal("b"), internal("c")]), []);
});

exclusions("a draft's own page, in a preview, is offered published stories like any other", () => {
  const { bond } = TOPICS;
  const articles = [story("draft", 9, [bond], { draft: true }), story("a", 2, [bond]), story("b", 1, [bond])];
  assert.equal(slugsOf(offerOf(articles, "draft")), ["a", "b"]);
  assert.equal(offerOf(articles, "a")?.next, undefined);
});

exclusions.run();

const label = suite("the automatic list is labelled with the topics its stories share");

label("one topic shared by every story names it", () => {
  const me = story("me", 9, [TOPICS.bond, TOPICS.chips]);
  const more = [story("a", 2, [TOPICS.bond, TOPICS.chips]), story("b", 1, [TOPICS.bond])];
  assert.equal(
    labelTopics(me, more).map((topic) => topic.name),
    ["China Bond"],
  );
});

label("stories sharing only a secondary topic add it to the label, in the article's order", () => {
  const me = story("me", 9, [TOPICS.bond, TOPICS.chips, TOPICS.ports]);
  const more = [story("a", 3, [TOPICS.ports]), story("b", 2, [TOPICS.ports]), story("c", 1, [TOPICS.bond])];
  assert.equal(
    labelTopics(me, more).map((topic) => topic.name),
    ["China Bond", "Ports"],
  );
});

label("a tie goes to the article's earlier topic", () => {
  const me = story("me", 9, [TOPICS.chips, TOPICS.bond]);
  const more = [story("a", 2, [TOPICS.bond, TOPICS.chips])];
  assert.equal(
    labelTopics(me, more).map((topic) => topic.name),
    ["Semiconductors"],
  );
});

label.run();

const neighbours = suite("previous and next stories come from the article's main topic, by date");

neighbours("the middle story has an older previous and a newer next; the ends have one each", () => {
  const { bond, chips } = TOPICS;
  const articles = [
    story("first", 1, [bond]),
    story("middle", 5, [bond, chips]),
    story("last", 9, [bond]),
    story("chips-only", 6, [chips]),
  ];
  const offers = computeReadOn(articles);
  const pair = (slug: string) => {
    const offer = offers.get(`/news/${slug}/`);
    return [offer?.previous?.slug, offer?.next?.slug];
  };
  assert.equal(pair("first"), [undefined, "middle"]);
  assert.equal(pair("middle"), ["first", "last"]);
  assert.equal(pair("last"), ["middle", undefined]);
  assert.equal(pair("chips-only"), ["middle", undefined]);
});

neighbours("stories of the same moment are ordered by slug, the earlier slug counting as newer", () => {
  const articles = ["b", "a", "c"].map((slug) => story(slug, 3, [TOPICS.bond]));
  const offers = computeReadOn(articles);
  assert.equal(
    ["a", "b", "c"].map((slug) => {
      const offer = offers.get(`/news/${slug}/`);
      return [offer?.previous?.slug, offer?.next?.slug];
    }),
    [
      ["b", undefined],
      ["c", "a"],
      [undefined, "b"],
    ],
  );
});

neighbours("a draft or scheduled story is skipped, and a draft's page links its published neighbours", () => {
  const { bond } = TOPICS;
  const articles = [
    story("old", 1, [bond]),
    story("draft", 3, [bond], { draft: true }),
    story("scheduled", 4, [bond], { scheduled: true }),
    story("new", 5, [bond]),
  ];
  const offers = computeReadOn(articles);
  assert.is(offers.get("/news/old/")?.next?.slug, "new");
  assert.is(offers.get("/news/new/")?.previous?.slug, "old");
  assert.equal([offers.get("/news/draft/")?.previous?.slug, offers.get("/news/draft/")?.next?.slug], ["old", "new"]);
});

neighbours.run();

const offered = suite("an article's read-on offer holds what it has: automatic stories, previous and next, or nothing");

offered("automatic stories are kept when the main topic has no other story to be previous or next", () => {
  const { bond, ports } = TOPICS;
  const offers = computeReadOn([story("me", 5, [ports, bond]), story("a", 2, [bond])]);
  const me = offers.get("/news/me/");
  assert.equal([slugsOf(me), me?.previous, me?.next], [["a"], undefined, undefined]);
});

offered("with three hand-picked links and no automatic story, previous and next are still offered", () => {
  const { bond } = TOPICS;
  const related = ["x", "y", "z"].map(internal);
  const articles = [
    story("old", 1, [bond], { related }),
    story("middle", 5, [bond], { related }),
    story("new", 9, [bond], { related }),
  ];
  const shown = (slug: string) => {
    const offer = offerOf(articles, slug);
    return [slugsOf(offer), offer?.previous?.slug, offer?.next?.slug];
  };
  assert.equal(shown("old"), [[], undefined, "middle"]);
  assert.equal(shown("middle"), [[], "old", "new"]);
  assert.equal(shown("new"), [[], "middle", undefined]);
});

offered("an article alone in its topics, or one the newsroom does not list, is offered nothing", async () => {
  const lonely = story("lonely", 5, [TOPICS.ports]);
  assert.equal(offerOf([lonely, story("bond", 3, [TOPICS.bond])], "lonely"), { more: [], moreTopics: [] });
  const { newsroom } = await load(contentTree({ "news/2024/a.md": articleFile(validFields) }));
  assert.equal(readOn(newsroom, lonely), { more: [], moreTopics: [] });
});

offered("a newsroom's offers are indexed once, and each worked out once, however many pages ask", async () => {
  const { newsroom } = await load(
    contentTree({
      "news/2024/a.md": articleFile(validFields),
      "news/2024/b.md": articleFile(validFields.replace("2024-03-01", "2024-03-02")),
    }),
  );
  const [newer] = newsroom.articles;
  assert.ok(newer);
  assert.is(readOnOffers(newsroom), readOnOffers(newsroom));
  assert.equal(readOn(newsroom, newer).previous?.slug, "a");
  assert.is(readOn(newsroom, newer), readOn(newsroom, newer));
});

offered.run();

const carried = suite(
  "a newsroom loaded after a save takes over the offers it can, and gives the offers worked out afresh",
);

/** Forty stories over the three topics, one to three each, at seeded times: s26 is in most automatic lists. */
function archive(): Article[] {
  const random = seeded(7);
  const all = Object.values(TOPICS);
  return Array.from({ length: 40 }, (_, index) => {
    const topics = all.filter(() => random() < 0.5);
    return story(`s${index}`, 1 + random() * 28, topics.length > 0 ? topics : [TOPICS.bond]);
  });
}

/** Every offer as what a page shows of it: titles, label, previous and next. */
function pagesOf(articles: Article[], offerOf: (article: Article) => ReadOn) {
  return articles.map((article) => {
    const offer = offerOf(article);
    return [
      article.slug,
      offer.more.map((story) => story.title),
      offer.moreTopics.map((topic) => topic.name),
      offer.previous?.title,
      offer.next?.title,
    ];
  });
}

const saves: [string, (article: Article) => Partial<Article>][] = [
  ["a new headline", (article) => ({ title: `${article.title}, revised` })],
  ["a link of its own in ALSO SEE", () => ({ related: [internal("s3")] })],
  ["another topic", () => ({ topics: [TOPICS.ports] })],
  ["a new date", () => ({ date: DateTime.fromISO("2024-02-01T00:00:00Z") })],
  ["made a draft", () => ({ draft: true })],
  ["an old address", () => ({ aliases: ["/2019/05/old.html"] })],
];

for (const [change, fields] of saves) {
  carried(`after ${change}, every offer is the one worked out afresh, naming the saved story as it is now`, () => {
    const articles = archive();
    const before = { articles } as unknown as Newsroom;
    // The build before rendered every page, so every offer was worked out.
    for (const article of articles) readOn(before, article);
    const at = articles.findIndex((article) => article.slug === "s26");
    const after = articles.map((article, index) => (index === at ? { ...article, ...fields(article) } : article));
    const newsroom = { articles: after } as unknown as Newsroom;
    carryReadOn(before, newsroom);
    const fresh = computeReadOn(after);
    assert.equal(
      pagesOf(after, (article) => readOn(newsroom, article)),
      pagesOf(after, (article) => fresh.get(article.url) as ReadOn),
    );
    assert.equal(offersShowing(newsroom, new Set(["/news/s26/"])).sort(), showingAfresh(after, "/news/s26/"));
  });
}

/** The stories whose fresh offer shows `url`, sorted. */
function showingAfresh(articles: Article[], url: string): string[] {
  const offers = computeReadOn(articles);
  return articles
    .filter((article) => {
      const offer = offers.get(article.url);
      return [...(offer?.more ?? []), offer?.previous, offer?.next].some((story) => story?.url === url);
    })
    .map((article) => article.url)
    .sort();
}

carried("a headline saved keeps every other story's offer, and the stories showing it stay the same", () => {
  const articles = archive();
  const before = { articles } as unknown as Newsroom;
  for (const article of articles) readOn(before, article);
  const after = articles.map((article) => (article.slug === "s26" ? { ...article, title: "New" } : article));
  const newsroom = { articles: after } as unknown as Newsroom;
  carryReadOn(before, newsroom);
  const showing = offersShowing(newsroom, new Set(["/news/s26/"]));
  assert.ok(showing.length > 0);
  assert.equal(showing.sort(), offersShowing(before, new Set(["/news/s26/"])).sort());
  const shows = after.find((article) => article.url === showing[0]) as Article;
  const offer = readOn(newsroom, shows);
  assert.ok([...offer.more, offer.previous, offer.next].some((story) => story?.title === "New"));
});

carried.run();
