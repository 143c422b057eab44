/** Apple keyboards say ⌘ where others say Ctrl; the shortcuts accept either everywhere. */
export function isApplePlatform(platform: string): boolean {
  return /mac|iphone|ipad|ipod/i.test(platform);
}

/** The platform's name as the browser gives it (Client Hints where there are any). */
export function browserPlatform(): string {
  const hints = (navigator as Navigator & { userAgentData?: { platform?: string } }).userAgentData;
  return hints?.platform || navigator.platform || navigator.userAgent;
}
