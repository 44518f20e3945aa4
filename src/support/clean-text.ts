// One rule for control characters in everything people and programs send us (issue 13): text may
// hold tab, line feed and carriage return (a comment, a newsletter, a note), and nothing else of
// Unicode's control characters (C0, DEL, C1): a NUL cannot be stored, an escape sequence can
// rewrite an organizer's terminal, a bell or a backspace in a name means a script, not a person.
// Such text is refused with a 400 naming the field (src/http/plugins/clean-input.ts applies this
// to every string of every request). Fields that are one line (names, cities, titles) are also
// tidied with `cleanLine`: a line break or a tab inside a name becomes a space.

// eslint-disable-next-line no-control-regex -- matching control characters is the point
const FORBIDDEN_CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/u;

/** True when the text holds a control character other than tab, line feed and carriage return. */
export function hasForbiddenControl(text: string): boolean {
  return FORBIDDEN_CONTROL.test(text);
}

/** A one-line field as we store it: NFC, every run of whitespace (line breaks and tabs too) one space, trimmed. */
export function cleanLine(text: string): string {
  return text.normalize('NFC').replace(/\s+/gu, ' ').trim();
}
