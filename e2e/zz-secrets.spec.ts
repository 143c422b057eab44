import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { accessCode, serverKeys, serverLogPath } from './e2e-environment.mjs';

// Runs last (files run in name order, one worker), after every other spec has used the keys.

// The server's keys and code, and keys people entered in the settings during the suite.
const secrets = [
  ...Object.values(serverKeys),
  accessCode,
  'sk-lab-user',
  'sk-user-key',
  'sk-own-openai',
  'sk-own-anthropic',
];

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
  expect(log).toMatch(
    /INFO {2}ready listening=http:\/\/127\.0\.0\.1:\d+ gateway=node proxy_trust=/,
  );
  // The operator's view: one line per gateway request, with the key's source but never the key.
  expect(log).toMatch(
    /INFO {2}gateway method=POST provider=openrouter path=chat\/completions key=server model=\S+ status=200 first_byte_ms=\d+ duration_ms=\d+ bytes=\d+/,
  );
  expect(log).toMatch(/gateway .* key=user /);
  for (const secret of secrets) expect(log.includes(secret), secret).toBe(false);
});
