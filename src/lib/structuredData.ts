/**
 * schema.org structured data (JSON-LD) for search engines, built only from the content and
 * src/config/site.ts: nothing the source does not say (no address, telephone or e-mail of
 * the municipality) is added.
 */

type Thing = Record<string, unknown>;

export interface Organization {
  name: string;
  /** The name in the site's other languages: one, or a list when there are several. */
  alternateName?: string | string[] | undefined;
  /** Only when configured (CONTACT_EMAIL): the source gives none. */
  email?: string | undefined;
}

/**
 * The municipality's name in a page's language, and in the other languages as alternates.
 * @example organizationIn({ th: 'เทศบาลนครขอนแก่น', en: 'Khon Kaen City Municipality' }, 'en')
 * // { name: 'Khon Kaen City Municipality', alternateName: 'เทศบาลนครขอนแก่น' }
 */
export function organizationIn<L extends string>(
  names: Record<L, string>,
  lang: L,
  email?: string,
): Organization {
  const others = Object.entries<string>(names)
    .filter(([l]) => l !== lang)
    .map(([, name]) => name);
  const alternateName = others.length > 1 ? others : others[0];
  return { name: names[lang], ...(alternateName ? { alternateName } : {}), ...(email ? { email } : {}) };
}

/**
 * Khon Kaen City Municipality, as publisher, organiser and author of its own stories: its names, and an
 * e-mail address only when one is configured. No address, telephone or URL: the source
 * gives none.
 */
export function governmentOrganization({ name, alternateName, email }: Organization): Thing {
  return {
    '@type': 'GovernmentOrganization',
    name,
    ...(alternateName ? { alternateName } : {}),
    ...(email ? { email } : {}),
  };
}

export interface ArticleFacts {
  url: string;
  headline: string;
  description: string;
  /**
   * ISO 8601 with offset, as written in the content; only when the story's publication date is
   * known (its `published` field). A story's event date is not its publication date.
   */
  datePublished?: string | undefined;
  dateModified?: string | undefined;
  /** Absolute URLs of the article's image: its photo in several shapes, or the site's card. */
  images: string[];
  inLanguage: string;
  /** The municipality, which publishes the site. */
  organization: Organization;
  /** The news publication the story's text comes from, if it names one. */
  source?: string | undefined;
}

/**
 * A news story, published here by the municipality: written by the publication it comes from
 * when it names one, else by the municipality.
 */
export function newsArticle(a: ArticleFacts): Thing {
  const publisher = governmentOrganization(a.organization);
  return {
    '@type': 'NewsArticle',
    '@id': `${a.url}#article`,
    mainEntityOfPage: a.url,
    url: a.url,
    headline: a.headline,
    description: a.description,
    ...(a.datePublished && { datePublished: a.datePublished }),
    ...((a.dateModified ?? a.datePublished) && { dateModified: a.dateModified ?? a.datePublished }),
    image: a.images,
    inLanguage: a.inLanguage,
    author: a.source ? { '@type': 'NewsMediaOrganization', name: a.source } : publisher,
    publisher,
  };
}

export interface EventFacts {
  url: string;
  name: string;
  description?: string | undefined;
  /** ISO 8601 with offset. */
  startDate: string;
  venue: string;
  /** The province of the venue, only when the venue names it, e.g. "ขอนแก่น". */
  region?: string | undefined;
  inLanguage: string;
  organization: Organization;
  image?: string | undefined;
}

/** The programme's launch, an in-person event. */
export function event(e: EventFacts): Thing {
  return {
    '@type': 'Event',
    name: e.name,
    ...(e.description ? { description: e.description } : {}),
    startDate: e.startDate,
    eventStatus: 'https://schema.org/EventScheduled',
    eventAttendanceMode: 'https://schema.org/OfflineEventAttendanceMode',
    location: {
      '@type': 'Place',
      name: e.venue,
      address: {
        '@type': 'PostalAddress',
        ...(e.region ? { addressRegion: e.region } : {}),
        addressCountry: 'TH',
      },
    },
    organizer: governmentOrganization(e.organization),
    inLanguage: e.inLanguage,
    url: e.url,
    ...(e.image ? { image: [e.image] } : {}),
  };
}

/** Home → section → page, with absolute URLs. */
export function breadcrumbList(crumbs: { name: string; url: string }[]): Thing {
  return {
    '@type': 'BreadcrumbList',
    itemListElement: crumbs.map((c, i) => ({
      '@type': 'ListItem',
      position: i + 1,
      name: c.name,
      item: c.url,
    })),
  };
}

/**
 * The JSON for a `<script type="application/ld+json">` block: with `@context`, and with
 * `<` escaped so no text of an editor's can close the script element.
 */
export function jsonLd(thing: Thing): string {
  return JSON.stringify({ '@context': 'https://schema.org', ...thing }).replace(/</g, '\\u003c');
}
