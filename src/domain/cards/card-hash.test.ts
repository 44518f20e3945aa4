import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { canonicalizeCard, hashCard, verifyCardHash, type CardContent } from './card-hash.js';

const card: CardContent = {
  id: '00000000-0000-4000-8000-000000000001',
  campaignId: '00000000-0000-4000-8000-000000000002',
  cardTextId: '00000000-0000-4000-8000-000000000003',
  cardTextVersion: 2,
  cardText: 'I, an employee of Alder Street "Prep", authorize…',
  employerName: 'Meridian Public Schools — Alder Street',
  worksiteId: '00000000-0000-4000-8000-000000000004',
  worksiteName: 'Alder Street College Prep',
  signerName: 'Zoë Núñez',
  email: 'zoe@mail.example',
  phone: '(323) 555-0100',
  jobTitle: 'Teacher, English',
  employeeId: null,
  signedOn: '2015-04-24',
  signedAt: new Date('2015-04-25T03:10:00.000Z'),
  source: 'electronic',
  typedSignature: 'zoë núñez',
  ip: '203.0.113.9',
  userAgent: 'Mozilla/5.0',
};

describe('canonical card serialization', () => {
  it('is a fixed-order JSON array with the format tag first', () => {
    const text = canonicalizeCard(card);
    expect(text.startsWith('["unionhall-card-v1","00000000-0000-4000-8000-000000000001",')).toBe(true);
    expect(JSON.parse(text)).toHaveLength(20);
    expect(text).toContain('"2015-04-25T03:10:00.000Z"');
    expect(text).toContain(',null,'); // employeeId
    expect(text).not.toMatch(/\s"|"\s,/);
  });

  it('hashes the UTF-8 bytes of the canonical form with SHA-256', () => {
    const expected = createHash('sha256').update(Buffer.from(canonicalizeCard(card), 'utf8')).digest('hex');
    expect(hashCard(card)).toBe(expected);
    expect(hashCard(card)).toMatch(/^[0-9a-f]{64}$/);
  });

  it('does not depend on the order the object was built in', () => {
    const reordered = Object.fromEntries(Object.entries(card).reverse()) as CardContent;
    expect(hashCard(reordered)).toBe(hashCard(card));
  });

  it('changes when any signed field changes, including a null becoming an empty string', () => {
    const base = hashCard(card);
    expect(hashCard({ ...card, signerName: 'Zoe Nunez' })).not.toBe(base);
    expect(hashCard({ ...card, employeeId: '' })).not.toBe(base);
    expect(hashCard({ ...card, signedAt: new Date('2015-04-25T03:10:00.001Z') })).not.toBe(base);
    expect(hashCard({ ...card, cardTextVersion: 3 })).not.toBe(base);
    expect(hashCard({ ...card, source: 'paper', signedAt: null })).not.toBe(base);
  });

  it('keeps field boundaries: moving text between fields changes the hash', () => {
    expect(hashCard({ ...card, email: 'a', phone: 'b' })).not.toBe(hashCard({ ...card, email: 'a","b', phone: null }));
  });

  it('verifies a stored hash and catches a tampered row', () => {
    const stored = { ...card, contentHash: hashCard(card) };
    expect(verifyCardHash(stored)).toBe(true);
    expect(verifyCardHash({ ...stored, phone: '(323) 555-0199' })).toBe(false);
  });
});
