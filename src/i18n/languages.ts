import { defaultLanguage, isLanguage, type Language } from '../vocabulary/languages.js';

export { defaultLanguage, isLanguage, languages, type Language } from '../vocabulary/languages.js';

/**
 * The language of a public page: an explicit `?lang=` first (the language switch is a plain
 * link), then the cookie that switch set, then the browser's Accept-Language, then English.
 */
export function chooseLanguage(input: { query?: unknown; cookie?: unknown; acceptLanguage?: string | undefined }): Language {
  if (isLanguage(input.query)) return input.query;
  if (isLanguage(input.cookie)) return input.cookie;
  return fromAcceptLanguage(input.acceptLanguage) ?? defaultLanguage;
}

// "es-MX,es;q=0.9,en;q=0.8" → the supported language with the highest weight (ties: header order).
export function fromAcceptLanguage(header: string | undefined): Language | undefined {
  if (!header) return undefined;
  let best: { lang: Language; q: number } | undefined;
  for (const part of header.slice(0, 1000).split(',')) {
    const [tag = '', ...params] = part.trim().split(';');
    const base = tag.trim().toLowerCase().split('-')[0];
    if (!isLanguage(base)) continue;
    const qParam = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    const q = qParam ? Number(qParam.slice(2)) : 1;
    if (!Number.isFinite(q) || q <= 0) continue;
    if (!best || q > best.q) best = { lang: base, q };
  }
  return best?.lang;
}
