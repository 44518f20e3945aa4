// Every kind of message Unionhall records, with the words the outbox shows for it. A command
// that records a new kind of mail adds it here (MailToRecord.kind is typed by this table).
export const mailKindLabels = {
  welcome: 'Welcome link',
  password_reset: 'Password reset link',
  card_confirmation: 'Card confirmation',
  event_rsvp: 'Event RSVP confirmation',
  event_rsvp_confirm: 'Event RSVP: confirm the email (API)',
  newsletter: 'Newsletter',
  newsletter_subscribe: 'Newsletter subscription confirmation',
  petition_confirmation: 'Petition signature confirmation',
  petition_already_signed: 'Petition: already signed',
  newsletter_test: 'Newsletter test (to its author)',
  event_reminder: 'Event reminder',
  person_signup_confirmation: 'Signup (API) confirmation',
} as const;
export type MailKind = keyof typeof mailKindLabels;

/** A code as words, for one no table names yet ("petition_confirmation" → "Petition confirmation"). */
export function codeAsWords(code: string): string {
  const words = code.replace(/[._]+/gu, ' ').trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

export function describeMailKind(kind: string): string {
  return (mailKindLabels as Record<string, string>)[kind] ?? codeAsWords(kind);
}

