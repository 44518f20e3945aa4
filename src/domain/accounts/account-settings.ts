import type { Config } from '../../config.js';
import type { SessionLimits } from './session-expiry.js';

/** What the account commands need from the configuration: where links point, and how long sessions last. */
/** `secret` keys the pseudonyms of the sign-in back-off (decision 0027). */
export type AccountSettings = { publicUrl: string; limits: SessionLimits; secret: string };

export function accountSettingsOf(config: Pick<Config, 'publicUrl' | 'sessionIdleMinutes' | 'sessionAbsoluteHours' | 'sessionSecret'>): AccountSettings {
  return { publicUrl: config.publicUrl, limits: { idleMinutes: config.sessionIdleMinutes, absoluteHours: config.sessionAbsoluteHours }, secret: config.sessionSecret };
}
