import { knownHost } from './known-hosts';

/**
 * "https://api.together.xyz/v1" → "Together AI". An unknown host gets no name: the name is shown
 * to every visitor, and an internal host name or address is not theirs to see.
 */
export function detectProviderName(baseUrl: string): string | undefined {
  return knownHost(baseUrl)?.name;
}
