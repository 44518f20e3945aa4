// A cell a spreadsheet would run as a formula (=, +, -, @, tab, CR) gets a leading apostrophe:
// the public types these fields (names, comments), and an export must not become an attack on the
// organizer who opens it.
export function defuseCell(value: string | null): string {
  return value && /^[=+\-@\t\r]/.test(value) ? `'${value}` : (value ?? '');
}
