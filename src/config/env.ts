import { existsSync } from 'node:fs';

/**
 * Settings come from the environment or from `.env` in the project folder; the environment
 * wins, as `loadEnvFile` leaves variables that are already set alone. Every entry point that
 * reads settings (the build, the checks, the generated server files) calls this first.
 */
export function loadSettingsFile(): void {
  if (existsSync('.env')) process.loadEnvFile('.env');
}
