import { describe, expect, it } from 'vitest';
import { addMonths, isDay, dayOf } from '../calendar.js';
import { cardExpiresOn, cardStatusOn } from './card-validity.js';
import { decideMatch } from './match-card.js';
import { nameKey, normalizeName, signatureMatchesName } from './signer-names.js';

describe('card validity', () => {
  it('a card counts from the day signed until one year later, exclusive', () => {
    const c = { signedOn: '2015-04-24', revokedOn: null };
    expect(cardExpiresOn('2015-04-24', 12)).toBe('2016-04-24');
    expect(cardStatusOn(c, '2015-04-23', 12)).toBe('not_yet_signed');
    expect(cardStatusOn(c, '2015-04-24', 12)).toBe('valid');
    expect(cardStatusOn(c, '2016-04-23', 12)).toBe('valid');
    expect(cardStatusOn(c, '2016-04-24', 12)).toBe('expired');
  });

  it('revocation takes effect on its date', () => {
    const c = { signedOn: '2015-04-24', revokedOn: '2015-05-10' };
    expect(cardStatusOn(c, '2015-05-09', 12)).toBe('valid');
    expect(cardStatusOn(c, '2015-05-10', 12)).toBe('revoked');
  });

  it('adds months with end-of-month clamping', () => {
    expect(addMonths('2016-02-29', 12)).toBe('2017-02-28');
    expect(addMonths('2015-01-31', 1)).toBe('2015-02-28');
    expect(addMonths('2015-11-15', 3)).toBe('2016-02-15');
  });

  it('takes the signing date in the campaign time zone', () => {
    const evening = new Date('2015-04-25T03:10:00Z'); // 8:10 pm on the 24th in Los Angeles
    expect(dayOf(evening, 'America/Los_Angeles')).toBe('2015-04-24');
    expect(dayOf(evening, 'UTC')).toBe('2015-04-25');
  });

  it('validates ISO dates', () => {
    expect(isDay('2015-06-15')).toBe(true);
    expect(isDay('2015-02-30')).toBe(false);
    expect(isDay('15-06-2015')).toBe(false);
  });
});

describe('signature and names', () => {
  it('matches ignoring accents, case, spacing and punctuation', () => {
    expect(signatureMatchesName('  maria   LOPEZ ', 'Maria Lopez')).toBe(true);
    // A signer without accents on their keyboard still signs: "Tomas" under "Tomás".
    expect(signatureMatchesName('Tomas Sandoval', 'Tomás Sandoval')).toBe(true);
    expect(signatureMatchesName('José Ortega', 'Jose Ortega')).toBe(true);
    expect(signatureMatchesName('Ana DeLaCruz', 'Ana de la Cruz')).toBe(true);
    expect(signatureMatchesName('Zoë Núñez-Ruiz', 'zoe nunez ruiz')).toBe(true);
    expect(signatureMatchesName('Jose Ortega', 'Josefa Ortega')).toBe(false);
    expect(signatureMatchesName('', '')).toBe(false);
    expect(signatureMatchesName('...', '!!!')).toBe(false);
    expect(nameKey('Sandoval, Tomás')).toBe('sandovaltomas');
    expect(normalizeName('Ana\tde  la Cruz')).toBe('ana de la cruz');
  });
});

describe('matching a card to the roster', () => {
  it('takes the first method that finds exactly one person', () => {
    expect(decideMatch({ email: [], employee_id: ['p2'], name_school: ['p3', 'p4'] })).toEqual({ status: 'matched', personId: 'p2', method: 'employee_id' });
    expect(decideMatch({ email: ['p1', 'p1'], employee_id: [], name_school: [] })).toEqual({ status: 'matched', personId: 'p1', method: 'email' });
  });

  it('sends several candidates to review, and no one as unmatched', () => {
    expect(decideMatch({ email: [], employee_id: [], name_school: ['p3', 'p4'] })).toEqual({ status: 'ambiguous', candidates: ['p3', 'p4'] });
    expect(decideMatch({ email: [], employee_id: [], name_school: [] })).toEqual({ status: 'unmatched' });
  });
});
