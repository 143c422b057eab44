import { describe, expect, it } from 'vitest';
import { isApplePlatform } from './shortcut-keys';

describe('the modifier key a person sees', () => {
  it.each([
    ['macOS', true],
    ['MacIntel', true],
    ['iPhone', true],
    ['iPad', true],
    ['Windows', false],
    ['Win32', false],
    ['Linux x86_64', false],
    ['Android', false],
    ['Chrome OS', false],
  ])('%s → ⌘: %s', (platform, apple) => {
    expect(isApplePlatform(platform)).toBe(apple);
  });
});
