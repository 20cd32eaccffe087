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
  // An example account at Buttondown: the form is there to see and test, and nothing is ever sent to it by the tests.
  signup: {
    action: "https://buttondown.com/api/emails/embed-subscribe/mekongledger",
    emailField: "email",
    hidden: { embed: "1" },
  },
} satisfies Publication;
