/** The locale dates are shown in: the publication's `locale`, else its language. */
export function displayLocale(newsroom: { publication: { locale?: string; language: string } }): string {
  return newsroom.publication.locale ?? newsroom.publication.language;
}
