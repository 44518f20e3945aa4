/** Who WebAuthn credentials belong to: the host and origin of the configured public URL. */
export type WebAuthnSettings = { rpId: string; rpName: string; origin: string };

export function webAuthnSettingsOf(config: { publicUrl: string }): WebAuthnSettings {
  const url = new URL(config.publicUrl);
  return { rpId: url.hostname, rpName: 'Unionhall', origin: url.origin };
}
