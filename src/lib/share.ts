/** A plain share link: no SDK, no script, nothing loaded from the network until tapped. */
export interface ShareLink {
  network: 'line' | 'facebook' | 'x';
  href: string;
}

/**
 * Share links for the networks Thai readers use, built from each network's public
 * share-URL format.
 * @example shareLinks('https://example.org/news/a/', 'Title')[0].href
 *   // "https://social-plugins.line.me/lineit/share?url=https%3A%2F%2Fexample.org%2Fnews%2Fa%2F"
 */
export function shareLinks(url: string, title: string): ShareLink[] {
  const u = encodeURIComponent(url);
  return [
    { network: 'line', href: `https://social-plugins.line.me/lineit/share?url=${u}` },
    { network: 'facebook', href: `https://www.facebook.com/sharer/sharer.php?u=${u}` },
    { network: 'x', href: `https://x.com/intent/post?url=${u}&text=${encodeURIComponent(title)}` },
  ];
}
