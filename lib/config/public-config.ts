import type { ProviderId } from '@/lib/providers/registry';
import type { ProtocolId } from '@/lib/providers/types';

/** What `GET /api/config` tells the browser: facts only, never a key or a base URL. */
export interface PublicConfig {
  codeRequired: boolean;
  providers: PublicProvider[];
  models: PublicModel[];
  /** `provider:model` */
  defaultModel?: string;
}

export interface PublicProvider {
  id: ProviderId;
  name: string;
  protocol: ProtocolId;
  hasServerKey: boolean;
}

export interface PublicModel {
  provider: ProviderId;
  id: string;
  name?: string;
}

/** The display name of `provider:model`, falling back to the id the provider uses. */
export function modelLabel(config: PublicConfig | undefined, reference: string): string {
  const colon = reference.indexOf(':');
  const provider = reference.slice(0, colon);
  const id = reference.slice(colon + 1);
  const model = config?.models.find((entry) => entry.provider === provider && entry.id === id);
  return model?.name ?? id;
}
