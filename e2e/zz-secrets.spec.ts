import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { accessCode, serverKeys, serverLogPath } from './e2e-environment.mjs';

// Runs last (files run in name order, one worker), after every other spec has used the keys.

const secrets = [...Object.values(serverKeys), accessCode];

function filesUnder(directory: string): string[] {
  return readdirSync(directory).flatMap((name) => {
    const path = join(directory, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

test('no key or access code reached the browser bundles, though they were set at build time', () => {
  const files = filesUnder('.next/static');
  expect(files.length).toBeGreaterThan(10);
  for (const file of files) {
    const text = readFileSync(file, 'latin1');
    for (const secret of secrets) expect(text.includes(secret), `${secret} in ${file}`).toBe(false);
  }
});

test('no key or access code appears in anything the server logged during the suite', () => {
  const log = readFileSync(serverLogPath, 'utf8');
  expect(log).toContain('Parley is ready');
  for (const secret of secrets) expect(log.includes(secret), secret).toBe(false);
});
