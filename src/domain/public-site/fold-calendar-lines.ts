const MAX_OCTETS = 75;

/**
 * Folds an iCalendar text's content lines at 75 octets (RFC 5545 §3.1), never inside a UTF-8
 * character: the `ics` package counts characters, so a line of accented or non-Latin text ran to
 * 80 octets and more. Lines already folded are first unfolded, then folded again with CRLF and one
 * space (the continuation's space counts toward its 75).
 */
export function foldCalendarLines(calendar: string): string {
  const lines = calendar.replace(/\r?\n[ \t]/g, '').split(/\r?\n/);
  if (lines.at(-1) === '') lines.pop();
  return `${lines.map(foldLine).join('\r\n')}\r\n`;
}

function foldLine(line: string): string {
  const parts: string[] = [];
  let current = '';
  let octets = 0;
  let limit = MAX_OCTETS;
  for (const char of line) {
    const size = Buffer.byteLength(char, 'utf8');
    if (octets + size > limit) {
      parts.push(current);
      current = '';
      octets = 0;
      limit = MAX_OCTETS - 1; // the leading space of a continuation line
    }
    current += char;
    octets += size;
  }
  parts.push(current);
  return parts.join('\r\n ');
}
