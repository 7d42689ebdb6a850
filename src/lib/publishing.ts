/**
 * When a news story dated in the future will be published, or undefined when it is out
 * already (or is not a news story: only news waits for its date). The publication date
 * counts when given, else the event date. `npm run check` lists such stories as scheduled;
 * the build leaves them out until then (`isPublished`).
 * @example scheduledFor({ date: '2030-01-01T09:00:00+07:00' }, 'news', now) // 2030-01-01T02:00:00.000Z
 */
export function scheduledFor(
  data: { date?: string | undefined; published?: string | undefined },
  collection: string,
  now: Date,
): Date | undefined {
  if (collection !== 'news') return undefined;
  const when = data.published ?? data.date;
  const at = when ? Date.parse(when) : NaN;
  return at > now.getTime() ? new Date(at) : undefined;
}

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
  return drafts || !scheduledFor(data, collection, now);
}
