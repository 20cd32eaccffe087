import type { Publication } from "../../src/content/schema.ts";

/** Where a page shows the sign-up form: each place has its own ids and name, so forms on one page never clash. */
export type SignupPlace = "newsletter" | "article" | "footer";

// The footer's form is the compact one: on an article it comes right after the full one.
const WORDING: Record<SignupPlace, { heading: string; pitch?: (name: string) => string }> = {
  newsletter: { heading: "Subscribe", pitch: () => "Get every edition by email." },
  article: { heading: "Get the newsletter", pitch: (name) => `The editors’ pick of ${name}’s stories, by email.` },
  footer: { heading: "The newsletter by email" },
};

/**
 * The newsletter sign-up: a plain labelled form that posts the reader's address, and the hidden fields, to the email
 * service named by `signup` in `content/publication.ts`; nothing without that setting. Works without JavaScript.
 */
export function SignupForm({ publication, place }: { publication: Publication; place: SignupPlace }) {
  const { signup } = publication;
  if (!signup) return null;
  const heading = `signup-${place}-heading`;
  const email = `signup-${place}-email`;
  const wording = WORDING[place];
  return (
    <form
      class={`signup signup--${place}`}
      action={signup.action}
      method="post"
      aria-labelledby={heading}
      data-pagefind-ignore
    >
      <h2 id={heading}>{wording.heading}</h2>
      {wording.pitch ? <p>{wording.pitch(publication.name)}</p> : null}
      <label for={email}>Email address</label>
      <div>
        <input id={email} type="email" name={signup.emailField} autocomplete="email" required />
        <button type="submit">Subscribe</button>
      </div>
      {Object.entries(signup.hidden).map(([name, value]) => (
        <input type="hidden" name={name} value={value} />
      ))}
    </form>
  );
}
