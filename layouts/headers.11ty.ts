/** /_headers: the security headers Netlify and Cloudflare Pages serve every page with (src/security/headers.ts). */
export const data = { permalink: "/_headers", eleventyExcludeFromCollections: true };

export function render({ headersFile }: { headersFile: string }): string {
  return headersFile;
}
