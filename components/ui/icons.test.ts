import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

/** Glyphs that render as empty boxes where no emoji or CJK font is installed. */
const fontGlyphs = /[＋📌📎☰▾▸▹‹›×✓✔★☆⚙✎🗑]/u;

function componentFiles(directory: string): string[] {
  return readdirSync(directory).flatMap((name) => {
    const path = join(directory, name);
    if (statSync(path).isDirectory()) return componentFiles(path);
    return name.endsWith('.tsx') && !name.endsWith('.test.tsx') ? [path] : [];
  });
}

describe('interface icons', () => {
  it('are SVG everywhere: no component draws an icon with a font glyph', () => {
    const root = new URL('..', import.meta.url).pathname;
    const files = componentFiles(root);
    expect(files.length).toBeGreaterThan(20);
    for (const file of files) {
      const code = readFileSync(file, 'utf8')
        .split('\n')
        // Comments may name a glyph; only code draws one.
        .filter((line) => !/^\s*(\/\/|\*|\/\*)/.test(line))
        .join('\n');
      expect(fontGlyphs.exec(code)?.[0], file).toBeUndefined();
    }
  });
});
