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
  return names.map((slug) => {
    const page = bySlug.get(slug);
    if (!page) {
      throw new Error(
        `${where.file}: field "${where.field}" names "${slug}", but there is no ${where.folder}/${slug}.md`,
      );
    }
    return page;
  });
}
