import { readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { providerIds, providers } from '@/lib/providers/registry';
import { renderEnvironmentTable, serverVariables } from './environment-variables';

const readmeUrl = new URL('../../README.md', import.meta.url);
/** The Chinese handbook, kept in step: the same sections and the same generated table. */
const chineseReadmeUrl = new URL('../../README.zh-CN.md', import.meta.url);
const start = '<!-- env-table:start -->';
const end = '<!-- env-table:end -->';

/** The formatter pads table cells; compare the cells, not the padding. */
function normalise(table: string): string {
  return table
    .trim()
    .split('\n')
    .map((line) =>
      line
        .split('|')
        .map((cell) => cell.trim().replace(/^-+$/, '-'))
        .join('|'),
    )
    .join('\n');
}

describe('the configuration reference', () => {
  it('lists every variable the server configuration reads', () => {
    const source = readFileSync(new URL('../server/server-config.ts', import.meta.url), 'utf8');
    const read = new Set([
      ...[...source.matchAll(/env\.([A-Z][A-Z0-9_]+)/g)].map((match) => match[1]),
      ...[...source.matchAll(/'([A-Z][A-Z0-9_]{2,})'/g)].map((match) => match[1]),
    ]);
    const documented = new Set(serverVariables.flatMap((variable) => variable.names));
    for (const name of read)
      expect(documented.has(name ?? ''), `${name} is read but not documented`).toBe(true);
  });

  it.each([
    ['README.md', readmeUrl],
    ['README.zh-CN.md', chineseReadmeUrl],
  ])(
    'the table in %s is the generated one (run `npm run docs:env` to refresh it)',
    (_name, url) => {
      const readme = readFileSync(url, 'utf8');
      expect(readme.includes(start) && readme.includes(end)).toBe(true);
      const table = renderEnvironmentTable();
      const current = readme.slice(readme.indexOf(start) + start.length, readme.indexOf(end));
      if (process.env.UPDATE_README === '1' && normalise(current) !== normalise(table)) {
        const before = readme.slice(0, readme.indexOf(start) + start.length);
        writeFileSync(url, `${before}\n\n${table}\n\n${readme.slice(readme.indexOf(end))}`);
        return;
      }
      expect(normalise(current)).toBe(normalise(table));
    },
  );

  it('the Chinese handbook has the English one’s sections, in order', () => {
    const headings = (url: URL) => {
      let fenced = false;
      return readFileSync(url, 'utf8')
        .split('\n')
        .filter((line) => {
          if (line.startsWith('```')) fenced = !fenced;
          return !fenced && /^#{1,6} /.test(line);
        })
        .map((line) => line.split(' ')[0]);
    };
    const english = headings(readmeUrl);
    expect(english.length).toBeGreaterThan(5);
    expect(headings(chineseReadmeUrl)).toEqual(english);
  });

  it('mentions every provider’s variables in .env.template', () => {
    const template = readFileSync(new URL('../../.env.template', import.meta.url), 'utf8');
    for (const id of providerIds) {
      for (const name of [...providers[id].env.apiKey, ...providers[id].env.baseUrl]) {
        expect(template, name).toContain(name);
      }
    }
    for (const variable of serverVariables)
      expect(template, variable.names[0]).toContain(variable.names[0] ?? '');
  });
});
