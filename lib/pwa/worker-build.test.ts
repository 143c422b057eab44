import { describe, expect, it } from 'vitest';
import { bringsNewVersion, buildOfWorker, serviceWorkerUrl } from './worker-build';

describe('service worker builds', () => {
  it('puts the build in the address and reads it back', () => {
    expect(serviceWorkerUrl('m4k2x')).toBe('/sw.js?build=m4k2x');
    expect(buildOfWorker('https://parley.example/sw.js?build=m4k2x')).toBe('m4k2x');
    expect(buildOfWorker('https://parley.example/sw.js')).toBeUndefined();
  });

  it.each([
    ['another build, an older worker in charge', 'https://h/sw.js?build=new', 'old', true, true],
    ['the first install: nothing was in charge', 'https://h/sw.js?build=new', 'old', false, false],
    ['the page is already that build', 'https://h/sw.js?build=new', 'new', true, false],
  ])('%s', (_, scriptUrl, pageBuild, controlled, expected) => {
    expect(bringsNewVersion(scriptUrl, pageBuild, controlled)).toBe(expected);
  });
});
