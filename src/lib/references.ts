/**
 * The names in `names` that no page has, in the order named: an entry naming others by file
 * name (a story's `related`, the programme's `launchStory`) names each by its slug.
 * `pages` is anything that answers `has(slug)`: a Set of slugs, or a Map from slug to page.
 * `npm run check` reports each; the build (`resolveNames`) stops on the first.
 * @example missingNames(['a', 'b'], new Set(['a'])) // ['b']
 */
export function missingNames(names: readonly string[], pages: { has(slug: string): boolean }): string[] {
  return names.filter((slug) => !pages.has(slug));
}

/**
 * One entry naming others by file name (a story's `related`, the programme's `launchStory`):
 * the entries named, in the order named. A name with no entry is an editor's mistake, and
 * the error names the file, the field and the file that is missing.
 * @example resolveNames(['a'], pages, { file: 'content/news/th/x.md', field: 'related', folder: 'content/related/th' })
 */
export function resolveNames<P extends { slug: string }>(
  names: readonly string[],
  pages: readonly P[],
  where: { file: string; field: string; folder: string },
): P[] {
  const bySlug = new Map(pages.map((p) => [p.slug, p]));
  const [slug] = missingNames(names, bySlug);
  if (slug !== undefined) {
    throw new Error(
      `${where.file}: field "${where.field}" names "${slug}", but there is no ${where.folder}/${slug}.md`,
    );
  }
  // eslint-disable-next-line @typescript-eslint/no-non-null-assertion -- no name is missing: each has a page.
  return names.map((name) => bySlug.get(name)!);
}
