import { IntlMessageFormat } from 'intl-messageformat';
import { en, type MessageKey } from './locales/en.js';
import { es } from './locales/es.js';
import type { Language } from './languages.js';

export type MessageValues = Record<string, string | number>;
export type Translate = (key: MessageKey, values?: MessageValues) => string;

/** Everything a page or an email needs to speak one language. */
export type Translator = {
  lang: Language;
  t: Translate;
  /** "April 24, 2015" / "24 de abril de 2015" (a calendar date, no time zone shift). */
  formatDay: (isoDate: string) => string;
  /** A moment in a time zone (the campaign's), e.g. "Friday, April 24, 2015 at 9:00 AM PDT". */
  formatDateTime: (at: Date, timeZone?: string) => string;
  formatNumber: (n: number) => string;
};

const catalogs: Record<Language, Record<MessageKey, string>> = { en, es };
const locales: Record<Language, string> = { en: 'en-US', es: 'es-US' };

/** When a campaign's own zone (campaigns.time_zone) is not at hand. */
export const campaignTimeZone = 'America/Los_Angeles';

const translators = new Map<Language, Translator>();

// Compiled messages are kept per language: formatting a page is then a lookup and a format call.
export function getTranslator(lang: Language): Translator {
  const cached = translators.get(lang);
  if (cached) return cached;
  const locale = locales[lang];
  const compiled = new Map<MessageKey, IntlMessageFormat>();
  const dayFormat = new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'UTC' });
  const dateTimeFormats = new Map<string, Intl.DateTimeFormat>();
  const dateTimeFormat = (timeZone: string): Intl.DateTimeFormat => {
    let format = dateTimeFormats.get(timeZone);
    if (!format) {
      format = new Intl.DateTimeFormat(locale, { weekday: 'long', year: 'numeric', month: 'long', day: 'numeric', hour: 'numeric', minute: '2-digit', timeZoneName: 'short', timeZone });
      dateTimeFormats.set(timeZone, format);
    }
    return format;
  };
  const numberFormat = new Intl.NumberFormat(locale);
  const t: Translate = (key, values) => {
    let message = compiled.get(key);
    if (!message) {
      message = new IntlMessageFormat(catalogs[lang][key], locale);
      compiled.set(key, message);
    }
    const out = message.format(values);
    return typeof out === 'string' ? out : String(out);
  };
  const translator: Translator = {
    lang,
    t,
    formatDay: (isoDate) => dayFormat.format(new Date(`${isoDate.slice(0, 10)}T12:00:00Z`)),
    formatDateTime: (at, timeZone = campaignTimeZone) => dateTimeFormat(timeZone).format(at),
    formatNumber: (n) => numberFormat.format(n),
  };
  translators.set(lang, translator);
  return translator;
}
