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
