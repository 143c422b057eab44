export const locales = [
  'en',
  'zh-CN',
  'zh-TW',
  'da',
  'ja',
  'ko',
  'de',
  'fr',
  'es',
  'pt-BR',
  'ru',
] as const;
export type AppLocale = (typeof locales)[number];
export const defaultLocale: AppLocale = 'en';
export const localeCookieName = 'NEXT_LOCALE';

/** Each locale's name in its own language, for the language menu. */
export const localeNames: Record<AppLocale, string> = {
  en: 'English',
  'zh-CN': '简体中文',
  'zh-TW': '繁體中文',
  da: 'Dansk',
  ja: '日本語',
  ko: '한국어',
  de: 'Deutsch',
  fr: 'Français',
  es: 'Español',
  'pt-BR': 'Português (Brasil)',
  ru: 'Русский',
};

/** Chinese written in Traditional characters, whatever region the browser names. */
const traditionalChinese = /^zh-(tw|hk|mo|hant)/;

export function isAppLocale(value: string | undefined): value is AppLocale {
  return locales.some((locale) => locale === value);
}

/**
 * The cookie first (the user's explicit choice), then the browser's Accept-Language in order of
 * preference, matching a bare language to its first regional locale (`zh` → `zh-CN`, `pt` →
 * `pt-BR`), else English.
 */
export function resolveLocale(
  cookieValue: string | undefined,
  acceptLanguage: string | null,
): AppLocale {
  if (isAppLocale(cookieValue)) return cookieValue;
  const preferences = (acceptLanguage ?? '')
    .split(',')
    .map((entry, position) => {
      const [tag = '', ...parameters] = entry.trim().split(';');
      const quality = parameters
        .map((parameter) => parameter.trim())
        .find((parameter) => parameter.startsWith('q='));
      return {
        tag: tag.toLowerCase(),
        quality: quality ? Number(quality.slice(2)) || 0 : 1,
        position,
      };
    })
    .filter((preference) => preference.tag && preference.quality > 0)
    .sort((a, b) => b.quality - a.quality || a.position - b.position);

  for (const { tag } of preferences) {
    if (traditionalChinese.test(tag)) return 'zh-TW';
    const exact = locales.find((locale) => locale.toLowerCase() === tag);
    if (exact) return exact;
    const language = tag.split('-')[0];
    const sameLanguage = locales.find((locale) => locale.toLowerCase().split('-')[0] === language);
    if (sameLanguage) return sameLanguage;
  }
  return defaultLocale;
}
