import { suite } from "uvu";
import * as assert from "uvu/assert";
import { jsonForScript, newsArticleJsonLd } from "../../src/seo/jsonld.ts";
import { articleFile, contentTree, load, validFields } from "../helpers.ts";

const json = suite("JSON-LD is embedded so no value can end its script element");

json("</script>, <!-- and & are escaped and the JSON still parses to the same value", () => {
  const value = { headline: "Profits </script><script>alert(1)</script> <!-- & \u2028" };
  const text = jsonForScript(value);
  assert.not.ok(/[<>&\u2028]/.test(text));
  assert.equal(JSON.parse(text), value);
});

json.run();

const structured = suite("the NewsArticle JSON-LD names the publisher, with its raster logo when there is one");

structured("without a logo in publication.ts the publisher has a name and address but no logo", async () => {
  const { newsroom } = await load(contentTree({ "news/2024/a.md": articleFile(validFields) }));
  const article = newsroom.articles[0];
  assert.ok(article);
  assert.equal(newsArticleJsonLd(newsroom, article).publisher, {
    "@type": "NewsMediaOrganization",
    name: "Test Ledger",
    url: "https://test.example/",
  });
});

structured.run();
