import type { CatalogModel } from '@/lib/models/catalog-model';
import type { ProviderId } from '@/lib/providers/registry';
import type { ProtocolId } from '@/lib/providers/types';

/** What `GET /api/config` tells the browser: facts only, never a key or a base URL. */
export interface PublicConfig {
  codeRequired: boolean;
  /** The operator turned off users' own keys: key fields and own endpoints are hidden. */
  userKeysDisabled: boolean;
  providers: PublicProvider[];
  models: CatalogModel[];
  /** `provider:model` */
  defaultModel?: string;
  /** End-to-end encrypted sync is possible: the deployment has a shared store. */
  syncAvailable: boolean;
}

export interface PublicProvider {
  id: ProviderId;
  name: string;
  protocol: ProtocolId;
  /** The operator gave it an address: without one, only a person's own address reaches it. */
  configured: boolean;
  hasServerKey: boolean;
  /** Works without any key (a local Ollama). */
  keyOptional: boolean;
  /** The operator's address is on a router's host: requests take that router's shape. */
  behavesAs?: ProviderId;
}
