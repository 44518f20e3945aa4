import { describe, expect, it } from 'vitest';
import { createRandom } from '../../demo/demo-random.js';
import { addDays } from '../calendar.js';
import { tallySupport } from '../majority/tally-support.js';
import { card, employment, id, input, OTHER_UNIT, SITE_A, SITE_B } from '../../../test/support/filing-fixtures.js';
import { buildFilingPacket, type FilingCard, type FilingEmployment } from './filing-packet.js';

describe('buildFilingPacket', () => {
  const people = Array.from({ length: 8 }, () => id());
  const [p0, p1, p2, p3, p4, p5, p6, p7] = people as [string, string, string, string, string, string, string, string];

  it('counts one valid card per person on the roster, and gives every other card its reason', () => {
    const employments = [
      ...[p0, p1, p2, p3, p5, p6].map((p) => employment(p)),
      employment(p4, { endDate: '2015-05-31' }), // left before the filing date
      employment(p7, { unitId: OTHER_UNIT }), // in another unit
    ];
    const first = card(p1, '2015-04-01');
    const cards = [
      card(p0, '2015-05-01'),
      card(p1, '2015-05-10'), // a later card of p1: duplicate
      first,
      card(p2, '2014-05-01'), // expired on 2015-05-01
      card(p3, '2015-05-01', { revokedOn: '2015-06-01', revocationReason: 'Asked to withdraw.' }),
      card(p4, '2015-05-01'),
      card(p7, '2015-05-01'),
      card(null, '2015-05-02', { signerName: 'Nobody Known' }),
      card(null, '2015-05-03', { matchStatus: 'ambiguous' }),
      card(p5, '2015-06-16'), // after the filing date: not part of it at all
      card(p6, '2015-06-15'), // signed on the filing date: counts
    ];
    const packet = buildFilingPacket(input(employments, cards));

    expect(packet.roster.map((r) => r.personId).sort()).toEqual([p0, p1, p2, p3, p5, p6].sort());
    expect(packet.figures).toMatchObject({ eligible: 6, valid_cards: 3, percent: 50 });
    expect(packet.figures.thresholds.majority).toEqual({ needed: 4, met: false, remaining: 1 });
    expect(packet.counted.map((c) => c.card.personId).sort()).toEqual([p0, p1, p6].sort());
    expect(packet.counted.find((c) => c.card.personId === p1)?.card.id).toBe(first.id);

    const reasons = packet.exceptions.map((e) => [e.reason, e.card.personId]);
    expect(reasons).toEqual(
      expect.arrayContaining([
        ['duplicate', p1],
        ['expired', p2],
        ['revoked', p3],
        ['not_in_unit', p4],
        ['not_in_unit', p7],
        ['no_match', null],
        ['ambiguous', null],
      ]),
    );
    expect(packet.exceptions).toHaveLength(7);
    expect(packet.exceptions.map((e) => e.number)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    const p1Number = packet.counted.find((c) => c.card.personId === p1)?.number;
    expect(packet.exceptions.find((e) => e.reason === 'duplicate')?.detail).toContain(`C${p1Number}`);
    expect(packet.exceptions.find((e) => e.reason === 'expired')?.detail).toContain('2015-05-01');
    expect(packet.exceptions.find((e) => e.reason === 'revoked')?.detail).toBe('Revoked effective 2015-06-01: Asked to withdraw.');
    expect(packet.roster.find((r) => r.personId === p1)?.cardNumber).toBe(p1Number);
    expect(packet.roster.find((r) => r.personId === p2)?.cardNumber).toBeNull();
    expect(packet.integrity).toEqual({ checked: 10, altered: 0 });
    expect(packet.signedBetween).toEqual({ first: '2015-04-01', last: '2015-06-15' });
    expect(packet.texts).toHaveLength(1);
  });

  it('keeps the earliest valid card of a person, whatever order the cards come in', () => {
    const a = card(p0, '2015-03-01');
    const b = card(p0, '2015-03-01', { createdAt: new Date('2015-03-01T21:00:00Z') });
    const c = card(p0, '2015-02-01');
    for (const order of [
      [a, b, c],
      [c, b, a],
      [b, a, c],
    ]) {
      const packet = buildFilingPacket(input([employment(p0)], order));
      expect(packet.counted.map((k) => k.card.id)).toEqual([c.id]);
      expect(packet.exceptions.map((e) => e.reason)).toEqual(['duplicate', 'duplicate']);
    }
  });

  it('does not file a card whose content no longer matches its hash', () => {
    const tampered = { ...card(p0, '2015-05-01'), phone: '(323) 555-0199' };
    const packet = buildFilingPacket(input([employment(p0)], [tampered]));
    expect(packet.figures.valid_cards).toBe(0);
    expect(packet.exceptions.map((e) => e.reason)).toEqual(['altered']);
    expect(packet.integrity).toEqual({ checked: 1, altered: 1 });
  });

  it('for one school: its roster only, and a signer now at another school is not in the unit here', () => {
    const moved = employment(p1, { worksiteId: SITE_B, worksiteName: 'Birch Prep', startDate: '2015-01-05' });
    const employments = [employment(p0), employment(p1, { endDate: '2015-01-04' }), moved, employment(p2, { worksiteId: SITE_B, worksiteName: 'Birch Prep' })];
    const cards = [card(p0, '2015-05-01'), card(p1, '2014-12-01'), card(p2, '2015-05-01', { worksiteId: SITE_B }), card(null, '2015-05-01', { worksiteId: SITE_B })];
    const packet = buildFilingPacket(input(employments, cards, { worksite: { id: SITE_A, name: 'Alder Prep', employerName: 'Alder Prep Inc.' } }));
    expect(packet.roster.map((r) => r.personId)).toEqual([p0]);
    expect(packet.figures).toMatchObject({ eligible: 1, valid_cards: 1 });
    expect(packet.exceptions.map((e) => e.reason)).toEqual(['not_in_unit']);
    expect(packet.exceptions[0]?.detail).toContain('Birch Prep');
    expect(packet.employers).toEqual(['Alder Prep Inc.']);
  });

  it('leaves out cards not verified and cards their signer disputed, with the reason', () => {
    const waiting = card(p0, '2015-05-01', { verification: null, signerAnswer: null });
    const confirmed = card(p1, '2015-05-01', { verification: null });
    const disputed = card(p2, '2015-05-01', { signerAnswer: { answer: 'not_signed', method: 'reply', answeredAt: new Date('2015-05-02T18:00:00Z') } });
    const dismissed = card(null, '2015-05-01', { matchStatus: 'dismissed' });
    const packet = buildFilingPacket(input([employment(p0), employment(p1), employment(p2)], [waiting, confirmed, disputed, dismissed]));
    expect(packet.figures.valid_cards).toBe(0);
    expect(packet.exceptions.map((e) => [e.reason, e.card.id])).toEqual([
      ['disputed', disputed.id],
      ['no_match', dismissed.id],
      ['not_verified', waiting.id],
      ['not_verified', confirmed.id],
    ]);
    expect(packet.exceptions.find((e) => e.card.id === waiting.id)?.detail).toContain('has not answered');
    expect(packet.exceptions.find((e) => e.card.id === dismissed.id)?.detail).toContain('Dismissed');
  });

  it('warns below 30%, below 50% + 1, about counted cards without a confirmation or an answer, and lists what is left out', () => {
    const confirmation = { id: id(), toAddress: 'a@mail.example', subject: 'Your card', transport: 'outbox' as const, messageId: null, createdAt: new Date('2015-05-01T20:00:00Z'), sentAt: null, error: null };
    const people4 = [p0, p1, p2, p3, p4, p5, p6, p7];
    const cards = [
      card(p0, '2015-05-01', { confirmation }), // answered: no warning
      card(p1, '2015-05-01', { confirmation, signerAnswer: null }), // verified in person, no answer
      card(p2, '2015-05-01', { confirmation: null, signerAnswer: null }), // no contact to confirm with
      card(p3, '2015-05-01', { verification: null }),
    ];
    const packet = buildFilingPacket(input(people4.map((p) => employment(p)), cards));
    expect(packet.warnings.map((w) => w.code)).toEqual(['below_majority', 'confirmation_not_recorded', 'confirmation_not_answered', 'cards_left_out']);
    const number = (personId: string) => packet.counted.find((c) => c.card.personId === personId)?.number;
    expect(packet.warnings.find((w) => w.code === 'confirmation_not_recorded')?.cardNumbers).toEqual([number(p2)]);
    expect(packet.warnings.find((w) => w.code === 'confirmation_not_answered')?.cardNumbers).toEqual([number(p1)]);
    expect(packet.warnings.find((w) => w.code === 'cards_left_out')?.message).toBe('1 card is left out: 1 not verified.');
    const low = buildFilingPacket(input(people4.map((p) => employment(p)), [card(p0, '2015-05-01', { confirmation })]));
    expect(low.warnings.map((w) => w.code)).toEqual(['below_showing_of_interest', 'below_majority']);
    const met = buildFilingPacket(input([employment(p0)], [card(p0, '2015-05-01', { confirmation })]));
    expect(met.warnings).toEqual([]);
  });

  it('agrees with tallySupport (the majority math) on random data', () => {
    const random = createRandom(7);
    for (let round = 0; round < 30; round++) {
      const persons = Array.from({ length: 30 }, () => id());
      const employments: FilingEmployment[] = [];
      for (const p of persons) {
        const start = addDays('2014-01-01', random.int(0, 600));
        employments.push(employment(p, { startDate: start, endDate: random.next() < 0.2 ? addDays(start, random.int(0, 300)) : null, worksiteId: random.next() < 0.5 ? SITE_A : SITE_B }));
        if (random.next() < 0.2) employments.push(employment(p, { startDate: addDays(start, random.int(1, 200)), worksiteId: random.next() < 0.5 ? SITE_A : SITE_B }));
      }
      const cards: FilingCard[] = [];
      for (let i = 0; i < 40; i++) {
        const p = random.next() < 0.9 ? (persons[random.int(0, persons.length - 1)] ?? null) : null;
        const signedOn = addDays('2014-01-01', random.int(0, 700));
        // Some cards wait for verification, some were disputed by their signer: neither counts.
        const roll = random.next();
        const waiting = roll < 0.15 ? { verification: null } : roll < 0.2 ? { signerAnswer: { answer: 'not_signed' as const, method: 'link' as const, answeredAt: new Date(`${signedOn}T21:00:00Z`) } } : {};
        cards.push(card(p, signedOn, { revokedOn: random.next() < 0.15 ? addDays(signedOn, random.int(0, 120)) : null, worksiteId: random.next() < 0.5 ? SITE_A : SITE_B, ...waiting }));
      }
      const asOf = addDays('2014-06-01', random.int(0, 500));
      const records = cards.map((c) => ({ ...c, verified: c.verification !== null && c.signerAnswer?.answer !== 'not_signed' }));
      const tallies = tallySupport({ employments, cards: records, asOf, validityMonths: 12 });
      const unit = buildFilingPacket(input(employments, cards, { filingDate: asOf }));
      expect(unit.figures.eligible).toBe(tallies.reduce((n, t) => n + t.eligible, 0));
      expect(unit.figures.valid_cards).toBe(tallies.reduce((n, t) => n + t.validCards, 0));
      for (const site of [SITE_A, SITE_B]) {
        const one = buildFilingPacket(input(employments, cards, { filingDate: asOf, worksite: { id: site, name: site, employerName: 'E' } }));
        const t = tallies.find((x) => x.worksiteId === site);
        expect([one.figures.eligible, one.figures.valid_cards]).toEqual([t?.eligible ?? 0, t?.validCards ?? 0]);
      }
    }
  });
});
