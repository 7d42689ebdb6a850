/**
 * Facts about the site that are not content: who publishes it and where it is served.
 * Values the source announcement does not give (a contact address, say) are optional
 * settings read from the environment, never made up.
 */
export const site = {
  /** Publisher of the programme: the municipality. */
  organization: {
    th: 'เทศบาลนครขอนแก่น',
    en: 'Khon Kaen City Municipality',
  },
  /** The province the municipality is in (its name says so). */
  region: {
    th: 'ขอนแก่น',
    en: 'Khon Kaen',
  },
  /** The news outlet whose page the launch story was captured from. */
  sourcePublication: {
    th: 'นิตยสารผู้นำท้องถิ่นออนไลน์',
    en: 'Local Leader Magazine Online',
  },
  /** Contact e-mail shown in the footer, only when set (the source's address is unknown). */
  contactEmail: process.env.CONTACT_EMAIL?.trim() || undefined,
} as const;
