import { describe, expect, it } from 'vitest';
import { en } from './locales/en.js';
import { es } from './locales/es.js';
import { chooseLanguage, fromAcceptLanguage } from './languages.js';
import { getTranslator } from './translator.js';

describe('chooseLanguage', () => {
  it('prefers ?lang=, then the cookie, then Accept-Language, then English', () => {
    expect(chooseLanguage({ query: 'es', cookie: 'en', acceptLanguage: 'en' })).toBe('es');
    expect(chooseLanguage({ query: 'fr', cookie: 'es', acceptLanguage: 'en' })).toBe('es');
    expect(chooseLanguage({ cookie: 'xx', acceptLanguage: 'es-MX,es;q=0.9,en;q=0.8' })).toBe('es');
    expect(chooseLanguage({ acceptLanguage: 'fr-FR,fr;q=0.9' })).toBe('en');
    expect(chooseLanguage({})).toBe('en');
  });

  it('weighs Accept-Language by q, ignoring q=0 and malformed weights', () => {
    expect(fromAcceptLanguage('en;q=0.5, es;q=0.8')).toBe('es');
    expect(fromAcceptLanguage('es;q=0, en;q=0.1')).toBe('en');
    expect(fromAcceptLanguage('es;q=abc')).toBeUndefined();
    expect(fromAcceptLanguage('*')).toBeUndefined();
  });
});

describe('translator', () => {
  it('has a Spanish message for every English key and formats plurals', () => {
    expect(Object.keys(es).sort()).toEqual(Object.keys(en).sort());
    expect(getTranslator('en').t('endorsements.group.congress', { count: 3 })).toBe('3 members of Congress');
    expect(getTranslator('en').t('endorsements.group.congress', { count: 1 })).toBe('1 member of Congress');
    expect(getTranslator('es').t('endorsements.group.neighborhood_council', { count: 4 })).toBe('4 concejos vecinales');
  });

  it('formats dates without shifting a calendar day', () => {
    expect(getTranslator('en').formatDay('2015-04-24')).toBe('April 24, 2015');
    expect(getTranslator('es').formatDay('2015-04-24')).toBe('24 de abril de 2015');
  });
});

describe('formatDateTime', () => {
  it('shows the time in the campaign’s zone, with the zone', () => {
    const at = new Date('2015-04-24T16:00:00Z');
    expect(getTranslator('en').formatDateTime(at, 'America/Los_Angeles')).toBe('Friday, April 24, 2015 at 9:00 AM PDT');
    expect(getTranslator('en').formatDateTime(at, 'America/New_York')).toContain('12:00 PM EDT');
    expect(getTranslator('es').formatDateTime(at, 'America/Los_Angeles')).toContain('24 de abril de 2015');
  });
});
