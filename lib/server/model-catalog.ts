import { createHash } from 'node:crypto';
import { processState } from './process-state';
import { sharedStateFor } from './state/shared-state-for';
import { readBoundedText } from '@/lib/http/read-bounded';
import type { ProviderDefinition } from '@/lib/providers/types';
import type { ErrorCode } from '@/lib/errors/error-codes';
import { ParleyError } from '@/lib/errors/parley-error';
import { explicitModels, isModelAllowed } from '@/lib/models/allowlist';
import type { CatalogHints } from '@/lib/models/capabilities';
import { toCatalogModel, type CatalogModel } from '@/lib/models/catalog-model';
import type { ListedModel } from '@/lib/models/listed-model';
import { protocols } from '@/lib/protocols';
import { providers, type ProviderId } from '@/lib/providers/registry';
import { fetchUpstream } from './fetch-upstream';
import { hasServerCredential, type ProviderRuntime, type ServerConfig } from './server-config';
import { planUpstreamRequest, userEndpointRoute } from './upstream-request';
import { userEndpointFetch } from './user-endpoint';

export interface ProviderCatalog {
  provider: ProviderId;
  /** `live`: from the provider's list endpoint; `curated`: discovery failed or was not possible. */
  source: 'live' | 'curated';
  error?: ErrorCode;
  models: CatalogModel[];
}

const ttlMs = 10 * 60 * 1000;
const discoveryTimeouts = { firstByteMs: 10_000, idleMs: 10_000, totalMs: 20_000 };

interface CacheEntry {
  at: number;
  listed?: ListedModel[];
  error?: ErrorCode;
}

const cache = processState('catalogCache', () => new Map<ProviderId, CacheEntry>());
const inFlight = processState('catalogInFlight', () => new Map<ProviderId, Promise<CacheEntry>>());

/** What the live catalog says about one model, if it has been fetched; never waits for it. */
export function catalogHints(provider: ProviderId, model: string): CatalogHints | undefined {
  const listed = cache.get(provider)?.listed?.find((entry) => entry.id === model);
  return listed
    ? { supportedParameters: listed.supportedParameters, reasoning: listed.reasoning }
    : undefined;
}

/**
 * One provider's models: discovered with the server key (cached for ten minutes), merged with
 * the curated list and the operator's named models, filtered by the allowlist. When discovery
 * fails the curated list is served, and the result says why.
 */
export async function providerCatalog(
  provider: ProviderId,
  config: ServerConfig,
  referer?: string,
): Promise<ProviderCatalog> {
  const entry = canDiscover(provider, config)
    ? await discover(provider, config, referer)
    : undefined;
  return {
    provider,
    source: entry?.listed ? 'live' : 'curated',
    error: entry?.error,
    models: assembleCatalog(provider, config, entry?.listed),
  };
}

/** A provider with a base URL and a key (or no need of one) can list its models. */
export function canDiscover(provider: ProviderId, config: ServerConfig): boolean {
  const runtime = config.providers[provider];
  return Boolean(runtime.baseUrl) && (hasServerCredential(runtime) || runtime.keyOptional);
}

/**
 * The operator's named models and `<PROVIDER>_MODELS`, then the curated list (enriched by the live
 * list where it has them), then the rest of the live list; all filtered by the allowlist.
 */
export function assembleCatalog(
  provider: ProviderId,
  config: ServerConfig,
  live: ListedModel[] | undefined,
): CatalogModel[] {
  const runtime = config.providers[provider];
  const definition = providers[provider];
  const curatedIds = new Set<string>(definition.curatedModels.map((model) => model.id));
  const named = explicitModels(config.modelRules).filter(
    (model) => model.provider === provider || (!model.provider && canDiscover(provider, config)),
  );
  const candidates: Array<{ listed: ListedModel; curated: boolean }> = [
    // The operator's own choices first, then the curated list, then the rest of the live list.
    ...named.map((model) => ({
      listed: live?.find((listed) => listed.id === model.id) ?? { id: model.id },
      curated: true,
    })),
    ...runtime.models.map((id) => ({
      listed: live?.find((listed) => listed.id === id) ?? { id },
      curated: true,
    })),
    // A curated model the live list lacks is kept, marked: the provider may have renamed or
    // retired it, and the picker says so rather than offering it as if it existed.
    ...definition.curatedModels.map((model) => ({
      listed: live?.find((listed) => listed.id === model.id) ?? {
        id: model.id,
        name: model.name,
        unlisted: live !== undefined,
      },
      curated: true,
    })),
    ...(live ?? [])
      .filter((listed) => !curatedIds.has(listed.id))
      .sort((a, b) => a.id.localeCompare(b.id))
      .map((listed) => ({ listed, curated: false })),
  ];

  const seen = new Set<string>();
  const models: CatalogModel[] = [];
  for (const { listed, curated } of candidates) {
    if (seen.has(listed.id) || !isModelAllowed(config.modelRules, provider, listed.id)) continue;
    seen.add(listed.id);
    const name = named.find((model) => model.id === listed.id)?.name ?? listed.name;
    models.push(toCatalogModel(provider, definition.protocol, { ...listed, name }, curated));
  }
  // Unlisted curated models go after the listed ones (a stable sort keeps the rest in order).
  return models.sort((a, b) => Number(a.unlisted === true) - Number(b.unlisted === true));
}

async function discover(
  provider: ProviderId,
  config: ServerConfig,
  referer: string | undefined,
): Promise<CacheEntry> {
  const cached = cache.get(provider);
  if (cached && Date.now() - cached.at < ttlMs) return cached;
  const pending = inFlight.get(provider);
  if (pending) return pending;
  const request = sharedOrFetched(provider, config, referer).then((entry) => {
    cache.set(provider, entry);
    inFlight.delete(provider);
    return entry;
  });
  inFlight.set(provider, request);
  return request;
}

/**
 * A list another instance discovered (from the shared store, when there is one), else one fetched
 * now and shared for the rest of its ten minutes. Failures stay with the instance that saw them.
 */
async function sharedOrFetched(
  provider: ProviderId,
  config: ServerConfig,
  referer: string | undefined,
): Promise<CacheEntry> {
  const shared = sharedStateFor(config);
  const key = shared?.key('catalog', provider, catalogIdentity(config.providers[provider]));
  const stored = key ? readStoredEntry(await shared?.readText(key)) : undefined;
  if (stored) return stored;
  try {
    const entry: CacheEntry = {
      at: Date.now(),
      listed: await fetchModelList(provider, config, undefined, undefined, referer),
    };
    if (key) shared?.writeText(key, JSON.stringify(entry), ttlMs);
    return entry;
  } catch (error) {
    // A failure is remembered briefly too, so a dead provider does not slow every page load.
    return {
      at: Date.now() - ttlMs + 60_000,
      error: error instanceof ParleyError ? error.code : 'upstream:unreachable',
    };
  }
}

/** The address and key a list was fetched with, as a digest: a new key or address, a new list. */
function catalogIdentity(runtime: ProviderRuntime): string {
  return createHash('sha256')
    .update(`${runtime.baseUrl ?? ''}\n${runtime.apiKey ?? ''}`)
    .digest('base64url')
    .slice(0, 16);
}

function readStoredEntry(text: string | undefined): CacheEntry | undefined {
  if (!text) return undefined;
  try {
    const entry = JSON.parse(text) as Partial<CacheEntry>;
    if (typeof entry.at !== 'number' || !Array.isArray(entry.listed)) return undefined;
    if (Date.now() - entry.at >= ttlMs) return undefined;
    return { at: entry.at, listed: entry.listed };
  } catch {
    return undefined;
  }
}

/** Lists with the given key, or the server's: a user's own key lists what that key can use. */
export async function fetchModelList(
  provider: ProviderId,
  config: ServerConfig,
  apiKey = config.providers[provider].apiKey,
  /** A user's own address for the provider: listed with their key only, behind the address guard. */
  userBaseUrl?: string,
  /** The app's public origin, for a router's attribution (as on chat). */
  referer?: string,
): Promise<ListedModel[]> {
  const configured = config.providers[provider];
  const definition: ProviderDefinition = providers[provider];
  const endpoint = definition.paths.find((path) => path.kind === 'models');
  if (!endpoint) throw new ParleyError('provider:not_configured', 'No model list.');
  const operatorRoute = { provider: configured, definition, endpoint, attribution: false };
  const route = userBaseUrl ? userEndpointRoute(operatorRoute, userBaseUrl, config) : operatorRoute;
  if (!route.provider.baseUrl) throw new ParleyError('provider:not_configured', 'No model list.');
  const plan = planUpstreamRequest({
    route,
    credential: {
      source: apiKey === configured.apiKey && !userBaseUrl ? 'server' : 'user',
      apiKey,
    },
    config,
    method: 'GET',
    // Routers see the same attribution on discovery as on chat; a person's own address none.
    referer: config.appUrl ?? referer ?? 'http://localhost',
  });
  const response = await fetchUpstream({
    ...plan,
    clientSignal: new AbortController().signal,
    timeouts: discoveryTimeouts,
    fetchImplementation: userBaseUrl ? userEndpointFetch(config) : undefined,
  });
  if (!response.ok) throw await ParleyError.fromResponse(response);
  // The largest real list (OpenRouter's) is a few MB; a body past the limit is refused, unread.
  const { text, truncated } = await readBoundedText(response, modelListLimitBytes);
  if (truncated) throw new ParleyError('upstream:error', 'The provider’s model list is too large.');
  const listed = protocols[definition.protocol].parseModelList(parseJsonOrUndefined(text));
  if (listed.length === 0)
    throw new ParleyError('upstream:error', 'The provider listed no models.');
  return listed;
}

const modelListLimitBytes = 16 * 1024 * 1024;

function parseJsonOrUndefined(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    throw new ParleyError('upstream:error', 'The provider’s model list is not JSON.');
  }
}

/** For tests: forget every discovered catalog. */
export function clearCatalogCache(): void {
  cache.clear();
  inFlight.clear();
}
