/**
 * Settings of the site that are not content. The publisher's names (the municipality, its
 * province, the news outlet the launch story came from) are written in each language's
 * strings (`site.organization`, `site.region`, `site.sourcePublication`). Values the source
 * announcement does not give (a contact address, say) are optional settings read from the
 * environment, never made up.
 */
export const site = {
  /** Contact e-mail shown in the footer, only when set (the source's address is unknown). */
  contactEmail: process.env.CONTACT_EMAIL?.trim() || undefined,
} as const;
