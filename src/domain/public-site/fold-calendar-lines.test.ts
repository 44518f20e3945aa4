import { describe, expect, it } from 'vitest';
import { foldCalendarLines } from './fold-calendar-lines.js';

const octetsOf = (text: string) => text.split('\r\n').map((line) => Buffer.byteLength(line, 'utf8'));

describe('foldCalendarLines', () => {
  it('keeps every line within 75 octets, counting bytes rather than characters', () => {
    const description = `DESCRIPTION:${'Reunión de educadores en la escuela — ¿vienes? '.repeat(6)}`;
    const folded = foldCalendarLines(`BEGIN:VEVENT\r\n${description}\r\nEND:VEVENT\r\n`);
    expect(Math.max(...octetsOf(folded))).toBeLessThanOrEqual(75);
    // Unfolding (RFC 5545: remove CRLF followed by one space) gives the original line back.
    expect(folded.replace(/\r\n /g, '')).toBe(`BEGIN:VEVENT\r\n${description}\r\nEND:VEVENT\r\n`);
  });

  it('never splits a multi-byte character across lines', () => {
    const folded = foldCalendarLines(`SUMMARY:${'é'.repeat(100)}${'😀'.repeat(40)}\r\n`);
    for (const line of folded.split('\r\n')) {
      expect(Buffer.from(line, 'utf8').toString('utf8')).toBe(line);
      expect(line).not.toContain('\uFFFD');
      expect(Buffer.byteLength(line, 'utf8')).toBeLessThanOrEqual(75);
    }
    expect(folded.replace(/\r\n /g, '')).toBe(`SUMMARY:${'é'.repeat(100)}${'😀'.repeat(40)}\r\n`);
  });

  it('refolds lines the ics package folded by characters, with a tab', () => {
    const folded = foldCalendarLines(`SUMMARY:${'á'.repeat(70)}\r\n\t${'á'.repeat(20)}\r\n`);
    expect(folded).toBe(foldCalendarLines(`SUMMARY:${'á'.repeat(90)}`));
    expect(Math.max(...octetsOf(folded))).toBeLessThanOrEqual(75);
  });
});
