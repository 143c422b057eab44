import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { errorStatuses } from '@/lib/errors/error-codes';
import { locales, resolveLocale } from './locales';

type MessageTree = { [key: string]: string | MessageTree };

function readLocale(locale: string): MessageTree {
  return JSON.parse(
    readFileSync(new URL(`../../locales/${locale}.json`, import.meta.url), 'utf8'),
  ) as MessageTree;
}

function keysOf(tree: MessageTree, prefix = ''): string[] {
  return Object.entries(tree).flatMap(([key, value]) =>
    typeof value === 'string' ? [`${prefix}${key}`] : keysOf(value, `${prefix}${key}.`),
  );
}

const english = readLocale('en');

/** Words that really are the same in the language (checked by a native-speaking translator). */
const sameAsEnglish: Partial<Record<string, string[]>> = {
  de: ['Message.details', 'Diagnosis.details', 'Settings.endpointName', 'Settings.sendEnter'],
  fr: ['ModelPicker.vision', 'Message.assistant'],
  es: ['Settings.options.no'],
  // Key labels: the keyboard says "Enter" and "Ctrl" in these languages too.
  da: ['Settings.sendEnter', 'Settings.sendModifier'],
  'pt-BR': ['Settings.sendEnter', 'Settings.sendModifier'],
  ru: ['Settings.sendEnter', 'Settings.sendModifier'],
};

describe('locale files', () => {
  it.each(locales.filter((locale) => locale !== 'en'))(
    '%s has exactly the keys English has',
    (locale) => {
      const keys = keysOf(readLocale(locale)).sort();
      expect(keys).toEqual(keysOf(english).sort());
    },
  );

  it.each(locales)('%s has no empty message and no English left in translated files', (locale) => {
    const messages = readLocale(locale);
    const flat = keysOf(messages);
    const lookup = (key: string) =>
      key
        .split('.')
        .reduce<string | MessageTree | undefined>(
          (node, part) => (typeof node === 'object' ? node[part] : undefined),
          messages,
        );
    for (const key of flat) expect(String(lookup(key)).trim()).not.toBe('');
    if (locale !== 'en') {
      // Brand names stay as they are; every other message must differ from English.
      const untranslated = flat.filter(
        (key) =>
          lookup(key) ===
            key
              .split('.')
              .reduce<string | MessageTree | undefined>(
                (node, part) => (typeof node === 'object' ? node[part] : undefined),
                english,
              ) &&
          key !== 'App.title' &&
          !sameAsEnglish[locale]?.includes(key) &&
          // What the keys are labelled: "Ctrl", "Esc" in most languages, "Strg", "Échap" in some.
          !key.startsWith('Shortcuts.keys.') &&
          // A message of placeholders and punctuation only (`{current} / {total}`) reads the same.
          /\p{L}/u.test(String(lookup(key)).replace(/\{[^}]*\}/g, '')),
      );
      expect(untranslated).toEqual([]);
    }
  });

  it('has a message for every error code the gateway or the chat can report', () => {
    const errorMessages = english.Errors as MessageTree;
    for (const code of Object.keys(errorStatuses))
      expect(errorMessages[code], code).toBeTypeOf('string');
  });
});

describe('choosing the locale', () => {
  it.each([
    [undefined, null, 'en'],
    [undefined, 'zh-CN,zh;q=0.9,en;q=0.8', 'zh-CN'],
    [undefined, 'zh;q=0.9', 'zh-CN'],
    [undefined, 'zh-TW,zh;q=0.9', 'zh-TW'],
    [undefined, 'zh-HK', 'zh-TW'],
    [undefined, 'de-DE,de;q=0.9', 'de'],
    [undefined, 'pt-PT,pt;q=0.9', 'pt-BR'],
    [undefined, 'sv-SE,sv;q=0.9', 'en'],
    [undefined, 'da-DK', 'da'],
    [undefined, 'en;q=0.5,zh-CN;q=0.9', 'zh-CN'],
    [undefined, 'zh-CN;q=0,en', 'en'],
    ['en', 'zh-CN', 'en'],
    ['zh-CN', 'en-US', 'zh-CN'],
    ['xx', 'zh-CN', 'zh-CN'],
  ] as const)('cookie %s, Accept-Language %s → %s', (cookie, acceptLanguage, expected) => {
    expect(resolveLocale(cookie, acceptLanguage)).toBe(expected);
  });
});
