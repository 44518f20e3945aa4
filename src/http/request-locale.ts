import type { FastifyReply, FastifyRequest } from 'fastify';
import { chooseLanguage, isLanguage, languages, type Language } from '../i18n/languages.js';
import { getTranslator, type Translator } from '../i18n/translator.js';

export const LANGUAGE_COOKIE = 'uh_lang';

export type RequestLocale = Translator & {
  /** The other language, for the language switch. */
  other: Language;
  /** The current path with `?lang=` set: a plain link that works without JavaScript. */
  switchHref: string;
};

/**
 * The language of this public request, with its translator: `const { t } = requestLocale(request, reply)`.
 * `?lang=xx` wins and is remembered in a cookie (so the next page keeps it); otherwise the cookie,
 * then Accept-Language, then English. Sets `Vary` so that shared caches keep one copy per language.
 */
export function requestLocale(request: FastifyRequest, reply: FastifyReply): RequestLocale {
  const query = (request.query as Record<string, unknown> | undefined)?.lang;
  const lang = languageOf(request);
  if (isLanguage(query) && request.cookies[LANGUAGE_COOKIE] !== query) {
    void reply.setCookie(LANGUAGE_COOKIE, query, { path: '/', sameSite: 'lax', httpOnly: true, maxAge: 365 * 24 * 3600 });
  }
  void reply.header('vary', 'Accept-Language, Cookie');
  const other = languages.find((l) => l !== lang) ?? 'en';
  const path = request.url.split('?')[0] ?? '/';
  return { ...getTranslator(lang), other, switchHref: `${path}?lang=${other}` };
}

/** The language of the request, without side effects (no cookie, no header). */
export function languageOf(request: FastifyRequest): Language {
  const query = (request.query as Record<string, unknown> | undefined)?.lang;
  return chooseLanguage({ query, cookie: request.cookies[LANGUAGE_COOKIE], acceptLanguage: request.headers['accept-language'] });
}
