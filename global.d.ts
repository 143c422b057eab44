import type { AppLocale } from '@/lib/i18n/locales';
import type { Messages } from '@/lib/i18n/load-messages';

declare module 'next-intl' {
  interface AppConfig {
    Locale: AppLocale;
    Messages: Messages;
  }
}
