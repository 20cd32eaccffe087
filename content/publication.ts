import type { Publication } from "../src/content/schema.ts";

/** The publication's own settings; validated at every build. */
export default {
  name: "The Mekong Ledger",
  tagline: "Business news from mainland Southeast Asia, and its ties with China",
  baseUrl: "https://mekongledger.example",
  timeZone: "Asia/Bangkok",
  language: "en",
  locale: "en-GB",
  logo: "/assets/img/logo.png",
} satisfies Publication;
