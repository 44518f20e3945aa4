import type { Config } from '../../config.js';
import type { SessionLimits } from './session-expiry.js';

/** What the account commands need from the configuration: where links point, and how long sessions last. */
export type AccountSettings = { publicUrl: string; limits: SessionLimits };

export function accountSettingsOf(config: Pick<Config, 'publicUrl' | 'sessionIdleMinutes' | 'sessionAbsoluteHours'>): AccountSettings {
  return { publicUrl: config.publicUrl, limits: { idleMinutes: config.sessionIdleMinutes, absoluteHours: config.sessionAbsoluteHours } };
}
