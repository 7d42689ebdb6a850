import { z } from 'astro/zod';
import { loadSettingsFile } from './env.ts';

/**
 * Settings of the site that are not content: facts about the municipality that the source
 * announcement does not give (a contact address, a feedback channel, how long the host keeps
 * its logs, when the policies were reviewed). Each is optional and read from the environment
 * or `.env`; where one is unset, the site says nothing rather than make it up, and
 * `npm run check` warns which sentences of the policy pages it left out. The publisher's
 * names are written in each language's strings (`site.organization`, …).
 */

const email = z.email();
const day = z.iso.date();

/** Each setting: its variable, what it must be, and what it is for. */
export const settingSpecs = {
  contactEmail: { variable: 'CONTACT_EMAIL', schema: email, use: 'contact address in the footer' },
  feedbackUrl: {
    variable: 'FEEDBACK_URL',
    schema: z.url({ protocol: /^https$/ }),
    use: 'where readers report a problem (https)',
  },
  privacyEmail: {
    variable: 'PRIVACY_EMAIL',
    schema: email,
    use: 'address for requests about personal data (PDPA)',
  },
  serverLogDays: {
    variable: 'SERVER_LOG_DAYS',
    schema: z.string().regex(/^[1-9]\d*$/),
    use: 'days the host keeps its server logs',
  },
  policiesReviewed: {
    variable: 'POLICIES_REVIEWED',
    schema: day,
    use: 'date the policies were last reviewed',
  },
  accessibilityTested: {
    variable: 'ACCESSIBILITY_TESTED',
    schema: day,
    // No default: the day the site was tested is a fact only those who tested it know (a
    // commit's date is not one: an editor's commit through the form runs no test).
    use: "date of the accessibility statement's testing",
  },
} as const;

export type SettingName = keyof typeof settingSpecs;
export type Settings = Partial<Record<SettingName, string | undefined>>;

/**
 * The settings in `env`, each checked: a value that is set but wrong stops the build,
 * naming the variable (a mistyped address must not reach readers).
 * @example settingsFrom({ CONTACT_EMAIL: 'pr@example.go.th' }).contactEmail // "pr@example.go.th"
 */
export function settingsFrom(env: Record<string, string | undefined>): Settings {
  const settings: Settings = {};
  const wrong: string[] = [];
  for (const [name, { variable, schema, use }] of Object.entries(settingSpecs)) {
    const value = env[variable]?.trim();
    if (!value) continue;
    if (schema.safeParse(value).success) settings[name as SettingName] = value;
    else wrong.push(`${variable}="${value}" is not a valid ${use}`);
  }
  if (wrong.length) throw new Error(`Settings (environment or .env):\n${wrong.join('\n')}`);
  return settings;
}

loadSettingsFile();

/** The site's settings, from the environment or `.env`. */
export const site: Settings = settingsFrom(process.env);
