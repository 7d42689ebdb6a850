/**
 * Whether an entry is published in this build: not a draft (outside `npm run dev`), and
 * not a news story dated in the future, which waits for its date (`npm run check` lists it
 * as scheduled).
 */
export function isPublished(
  data: { draft: boolean; date?: string | undefined; published?: string | undefined },
  collection: string,
  now: Date,
  drafts: boolean,
): boolean {
  if (data.draft && !drafts) return false;
  if (collection !== 'news') return true;
  const when = data.published ?? data.date;
  return drafts || !when || Date.parse(when) <= now.getTime();
}
