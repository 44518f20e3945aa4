import type { Language } from '../../vocabulary/languages.js';

/** Each language's name in English, as documents for a labor board print it. */
export const languageNames: Record<Language, string> = { en: 'English', es: 'Spanish' };
