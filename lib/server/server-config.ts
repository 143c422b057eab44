import { createHash } from 'node:crypto';
import { z } from 'zod';
import { ParleyError } from '@/lib/errors/parley-error';
import {
  ModelRuleError,
  modelRulesFrom,
  parseModelRules,
  type ModelRule,
} from '@/lib/models/allowlist';
import { parseModelRef, type ModelRef } from '@/lib/models/model-ref';
import { detectProviderName } from '@/lib/providers/detect-provider-name';
import { isProviderId, providerIds, providers, type ProviderId } from '@/lib/providers/registry';
import type { AuthScheme, ProviderDefinition } from '@/lib/providers/types';
import { logLevels, type LogSettings } from './logger';
import { hostNameOf } from './own-host';

export type Environment = Record<string, string | undefined>;

export interface ProviderRuntime {
  id: ProviderId;
  name: string;
  auth: AuthScheme;
  keyOptional: boolean;
  /** The operator's key; never sent anywhere but `baseUrl`. */
  apiKey?: string;
  /** Without a trailing slash; undefined when the provider has no default and none is set. */
  baseUrl?: string;
  /** The operator's extra headers that carry no credential: sent with any key. */
  headers: Record<string, string>;
  /**
   * The operator's extra headers that carry a credential (`Authorization`, `X-Api-Key`, any
   * `*key*`/`*token*`/`*auth*` name): the server's key in header form, sent only when the
   * server's key is (never with a person's own key).
   */
  credentialHeaders: Record<string, string>;
  /** Provider options from the registry's `env.options` (Azure's API version). */
  options: Record<string, string>;
  /** Models listed by `<PROVIDER>_MODELS`, for endpoints without a usable /models. */
  models: string[];
  /** Operator routing by model glob, in the order written; the first matching glob applies. */
  routing: Array<{ pattern: string; rule: unknown }>;
}

/** The operator pays for this provider: a key, or a credential in its headers. */
export function hasServerCredential(runtime: ProviderRuntime): boolean {
  return runtime.apiKey !== undefined || Object.keys(runtime.credentialHeaders).length > 0;
}

/**
 * The shared-state store. `memory`: this process only (the default). `redis`: a Redis or Valkey
 * server (`REDIS_URL`, which may carry a password: never logged). `upstash`: Upstash's REST API
 * (Vercel's KV variables are read too).
 */
export type StateStore =
  | { kind: 'memory' }
  | { kind: 'redis'; url: string }
  | { kind: 'upstash'; url: string; token: string };

export interface StateSettings {
  store: StateStore;
  /** Every key Parley writes starts with it, so deployments can share one server. */
  prefix: string;
  /** How long a stream slot outlives its instance: leases are renewed while the stream lives. */
  leaseMs: number;
  /** A store call slower than this is given up, and the per-instance state decides. */
  timeoutMs: number;
}

export interface ServerConfig {
  providers: Record<ProviderId, ProviderRuntime>;
  /** SHA-256 digests of the access codes, compared in constant time. */
  accessCodeDigests: Buffer[];
  modelRules: ModelRule[];
  defaultModel?: ModelRef;
  appUrl?: string;
  /**
   * Host names this deployment answers to (from `APP_URL`, `ALLOWED_HOSTS` and Vercel's own),
   * lower-case; undefined when none is known, and then every host is accepted.
   */
  allowedHosts?: string[];
  appName: string;
  maxBodyBytes: number;
  /** What a base URL sent by the browser (a user's own endpoint) may point to. */
  userEndpoints: { allowHttp: boolean; allowPrivate: boolean };
  /** Users may not bring their own keys: only the operator's (behind the access code) are used. */
  userKeysDisabled: boolean;
  /** How many reverse proxies in front of the server append to X-Forwarded-For. */
  trustedProxyCount: number;
  /** Wrong access codes from one client address, within the window, before it must wait. */
  accessFailures: { limit: number; windowMs: number };
  /** Concurrent upstream calls, in all and from one client address. */
  streams: { total: number; perClient: number };
  timeouts: { firstByteMs: number; idleMs: number; totalMs: number };
  /** Where state shared by instances lives: this process's memory, Redis, or Upstash. */
  state: StateSettings;
  /** End-to-end encrypted sync (needs a shared store): per-space quota and per-client rate. */
  sync: { maxBytes: number; requestsPerMinute: number };
  /** Retries of a failed call before its first byte (`MAX_RETRIES`, default 2). */
  maxRetries: number;
  /** The provider new chats start on when no `DEFAULT_MODEL` is set (`PREFERRED_PROVIDER`). */
  preferredProvider?: ProviderId;
  log: LogSettings;
}

/** A configuration mistake, named by variable; the value is never repeated (it may be a secret). */
export class ConfigError extends Error {
  constructor(
    readonly variable: string,
    reason: string,
  ) {
    super(`${variable}: ${reason}`);
    this.name = 'ConfigError';
  }

  /** What a client is told: which variable, never its value. */
  toParleyError(): ParleyError {
    return new ParleyError(
      'config:invalid',
      `The server configuration is invalid (${this.variable}); see the server log.`,
    );
  }

  toResponse(): Response {
    return this.toParleyError().toResponse();
  }
}

const minimumCodeLength = 8;
/** Header names that carry a credential, however a gateway spells them. */
const credentialHeaderName = /^(authorization|proxy-authorization|cookie)$|key|token|auth|secret/i;
const httpUrl = z.url({ protocol: /^https?$/ });
const headerObject = z.record(z.string().regex(/^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/), z.string());

export function loadServerConfig(env: Environment): ServerConfig {
  const read = (names: readonly string[] | undefined) => {
    for (const name of names ?? []) {
      const value = env[name]?.trim();
      if (value) return { name, value };
    }
    return undefined;
  };

  const runtimeEntries = providerIds.map((id): [ProviderId, ProviderRuntime] => {
    const definition: ProviderDefinition = providers[id];
    const baseUrlSetting = read(definition.env.baseUrl);
    if (baseUrlSetting && !httpUrl.safeParse(baseUrlSetting.value).success) {
      throw new ConfigError(baseUrlSetting.name, 'must be an http(s) URL');
    }
    const apiKey = read(definition.env.apiKey)?.value;
    const headersSetting = read(definition.env.headers);
    const allHeaders = headersSetting
      ? parseHeaders(headersSetting.name, headersSetting.value)
      : {};
    const credentialHeaders = Object.fromEntries(
      Object.entries(allHeaders).filter(([name]) => credentialHeaderName.test(name)),
    );
    const keyed = apiKey !== undefined || Object.keys(credentialHeaders).length > 0;
    const enabledSetting = read(definition.env.enabled);
    const disabled =
      enabledSetting !== undefined && /^(false|0|no|off)$/i.test(enabledSetting.value);
    const fallbackBase = definition.baseUrlWhenKeyed && keyed ? definition.baseUrlWhenKeyed : '';
    const baseUrl = disabled
      ? undefined
      : (baseUrlSetting?.value ?? (definition.baseUrl || fallbackBase)).replace(/\/+$/, '') ||
        undefined;
    const nameSetting = read(definition.env.name);
    const options = Object.fromEntries(
      Object.entries(definition.env.options ?? {}).flatMap(([option, names]) => {
        const setting = read(names);
        return setting ? [[option, setting.value]] : [];
      }),
    );
    const modelsSetting = read(definition.env.models);
    const routingSetting = read(definition.env.routing);
    const detectedName =
      definition.detectNameFromBaseUrl && baseUrl ? detectProviderName(baseUrl) : undefined;
    return [
      id,
      {
        id,
        name: nameSetting?.value ?? detectedName ?? definition.name,
        auth: definition.auth,
        keyOptional: definition.keyOptional === true,
        apiKey: disabled ? undefined : apiKey,
        baseUrl,
        headers: Object.fromEntries(
          Object.entries(allHeaders).filter(([name]) => !credentialHeaderName.test(name)),
        ),
        credentialHeaders: disabled ? {} : credentialHeaders,
        options,
        models: (modelsSetting?.value ?? '')
          .split(',')
          .map((model) => model.trim())
          .filter(Boolean),
        routing: routingSetting
          ? parseRouting(routingSetting.name, routingSetting.value, definition)
          : [],
      },
    ];
  });

  const codeVariable = env.CODE?.trim() ? 'CODE' : 'ACCESS_CODE';
  const codes = (env[codeVariable] ?? '')
    .split(',')
    .map((code) => code.trim())
    .filter(Boolean);
  // A short code falls to guessing long before the failure limit stops anyone.
  if (codes.some((code) => code.length < minimumCodeLength)) {
    throw new ConfigError(
      codeVariable,
      `each access code must be at least ${minimumCodeLength} characters`,
    );
  }

  const defaultModelText = env.DEFAULT_MODEL?.trim();
  const defaultModel = defaultModelText ? parseModelRef(defaultModelText) : undefined;
  if (defaultModelText && !defaultModel) {
    throw new ConfigError(
      'DEFAULT_MODEL',
      'must be provider:model, e.g. openrouter:openai/gpt-5.1',
    );
  }

  const appUrl = env.APP_URL?.trim();
  if (appUrl && !httpUrl.safeParse(appUrl).success) {
    throw new ConfigError('APP_URL', 'must be an http(s) URL');
  }

  return {
    providers: Object.fromEntries(runtimeEntries) as Record<ProviderId, ProviderRuntime>,
    accessCodeDigests: codes.map(digestAccessCode),
    modelRules: readModelRules(env),
    defaultModel,
    appUrl: appUrl || undefined,
    allowedHosts: readAllowedHosts(env, appUrl),
    appName: env.APP_NAME?.trim() || 'Parley',
    maxBodyBytes: readNumber(env, 'MAX_BODY_MB', 20) * 1024 * 1024,
    userEndpoints: {
      allowHttp: readBoolean(env, 'ALLOW_HTTP_UPSTREAMS'),
      allowPrivate: readBoolean(env, 'ALLOW_PRIVATE_UPSTREAMS'),
    },
    userKeysDisabled:
      readBoolean(env, 'DISABLE_USER_KEYS') || readBoolean(env, 'HIDE_USER_API_KEY'),
    trustedProxyCount: readNumber(env, 'TRUSTED_PROXY_COUNT', 0, { allowZero: true }),
    accessFailures: {
      limit: readNumber(env, 'ACCESS_FAILURE_LIMIT', 10),
      windowMs: readNumber(env, 'ACCESS_FAILURE_WINDOW_S', 600) * 1000,
    },
    streams: {
      total: readNumber(env, 'MAX_STREAMS', 500),
      perClient: readNumber(env, 'MAX_STREAMS_PER_CLIENT', 20),
    },
    state: readStateSettings(env),
    sync: {
      maxBytes: Math.round(readNumber(env, 'SYNC_MAX_MB', 50) * 1024 * 1024),
      requestsPerMinute: readNumber(env, 'SYNC_REQUESTS_PER_MINUTE', 120),
    },
    maxRetries: readNumber(env, 'MAX_RETRIES', 2, { allowZero: true }),
    preferredProvider: readPreferredProvider(env),
    timeouts: {
      firstByteMs: readNumber(env, 'FIRST_BYTE_TIMEOUT_MS', 120_000),
      idleMs: readNumber(env, 'IDLE_TIMEOUT_MS', 60_000),
      totalMs: readNumber(env, 'TOTAL_TIMEOUT_MS', 900_000),
    },
    log: {
      level: readChoice(env, 'LOG_LEVEL', logLevels, 'info'),
      format: readChoice(env, 'LOG_FORMAT', ['text', 'json'] as const, 'text'),
    },
  };
}

const redisUrl = z.url({ protocol: /^(redis|rediss|valkey|valkeys)$/ });

function readStateSettings(env: Environment): StateSettings {
  const common = {
    prefix: env.STATE_PREFIX?.trim() || 'parley:',
    leaseMs: readNumber(env, 'STREAM_LEASE_S', 30) * 1000,
    timeoutMs: readNumber(env, 'STATE_TIMEOUT_MS', 250),
  };
  const redis = env.REDIS_URL?.trim();
  if (redis) {
    // The message never repeats the value: it may hold a password.
    if (!redisUrl.safeParse(redis).success) {
      throw new ConfigError('REDIS_URL', 'must be a redis:// or rediss:// URL');
    }
    return { ...common, store: { kind: 'redis', url: redis.replace(/^valkey/, 'redis') } };
  }
  const url = (env.UPSTASH_REDIS_REST_URL || env.KV_REST_API_URL)?.trim();
  const token = (env.UPSTASH_REDIS_REST_TOKEN || env.KV_REST_API_TOKEN)?.trim();
  if (url || token) {
    if (!url || !token) {
      throw new ConfigError(
        url ? 'UPSTASH_REDIS_REST_TOKEN' : 'UPSTASH_REDIS_REST_URL',
        'Upstash needs both the REST URL and its token',
      );
    }
    if (!httpUrl.safeParse(url).success) {
      throw new ConfigError('UPSTASH_REDIS_REST_URL', 'must be an http(s) URL');
    }
    return { ...common, store: { kind: 'upstash', url, token } };
  }
  return { ...common, store: { kind: 'memory' } };
}

function readChoice<Choice extends string>(
  env: Environment,
  name: string,
  choices: readonly Choice[],
  fallback: Choice,
): Choice {
  const text = env[name]?.trim().toLowerCase();
  if (!text) return fallback;
  const choice = choices.find((candidate) => candidate === text);
  if (!choice) throw new ConfigError(name, `must be one of ${choices.join(', ')}`);
  return choice;
}

export function digestAccessCode(code: string): Buffer {
  return createHash('sha256').update(code, 'utf8').digest();
}

function parseHeaders(variable: string, text: string): Record<string, string> {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new ConfigError(variable, 'must be a JSON object of header names to string values');
  }
  const result = headerObject.safeParse(value);
  if (!result.success) {
    throw new ConfigError(variable, 'must be a JSON object of header names to string values');
  }
  return result.data;
}

/** `{"anthropic/*": {...}}`: each value must be a rule the provider's hook understands. */
function parseRouting(
  variable: string,
  text: string,
  definition: ProviderDefinition,
): Array<{ pattern: string; rule: unknown }> {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new ConfigError(variable, 'must be a JSON object keyed by model glob');
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new ConfigError(variable, 'must be a JSON object keyed by model glob');
  }
  const entries = Object.entries(value).map(([pattern, rule]) => ({ pattern, rule }));
  for (const { pattern, rule } of entries) {
    if (!definition.mergeRouting?.({ model: 'probe' }, rule)) {
      throw new ConfigError(
        variable,
        `the rule for "${pattern}" has a shape this provider does not take`,
      );
    }
  }
  return entries;
}

function readBoolean(env: Environment, name: string): boolean {
  const text = env[name]?.trim().toLowerCase();
  if (!text || text === 'false' || text === '0' || text === 'no') return false;
  if (text === 'true' || text === '1' || text === 'yes') return true;
  throw new ConfigError(name, 'must be true or false');
}

function readNumber(
  env: Environment,
  name: string,
  fallback: number,
  { allowZero = false }: { allowZero?: boolean } = {},
): number {
  const text = env[name]?.trim();
  if (!text) return fallback;
  const value = Number(text);
  if (!Number.isFinite(value) || value < 0 || (value === 0 && !allowZero)) {
    throw new ConfigError(
      name,
      allowZero ? 'must be zero or a positive number' : 'must be a positive number',
    );
  }
  return value;
}

function readPreferredProvider(env: Environment): ProviderId | undefined {
  const value = env.PREFERRED_PROVIDER?.trim().toLowerCase().replace(/_/g, '-');
  if (!value) return undefined;
  if (!isProviderId(value)) {
    throw new ConfigError('PREFERRED_PROVIDER', `must be one of ${providerIds.join(', ')}`);
  }
  return value;
}

/** A rule that names no known provider stops the start, naming the variable and the rule. */
function readModelRules(env: Environment): ModelRule[] {
  for (const name of ['CUSTOM_MODELS', 'MODELS'] as const) {
    try {
      parseModelRules(env[name]);
    } catch (error) {
      if (error instanceof ModelRuleError) throw new ConfigError(name, error.message);
      throw error;
    }
  }
  return modelRulesFrom(env);
}

/**
 * The deployment's own host names: `APP_URL`'s, each in `ALLOWED_HOSTS` (comma-separated, a port
 * ignored), and on Vercel the deployment's generated names. Explicit settings only: Vercel's
 * names alone do not turn the check on, since a custom domain would then be refused.
 */
function readAllowedHosts(env: Environment, appUrl: string | undefined): string[] | undefined {
  const listed = (env.ALLOWED_HOSTS ?? '')
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean);
  if (!appUrl && listed.length === 0) return undefined;
  const vercel = [env.VERCEL_URL, env.VERCEL_BRANCH_URL, env.VERCEL_PROJECT_PRODUCTION_URL];
  const names = [...(appUrl ? [new URL(appUrl).host] : []), ...listed, ...vercel]
    .filter((entry): entry is string => Boolean(entry))
    .map(hostNameOf);
  return [...new Set(names)];
}

let cached: { config: ServerConfig } | { error: ConfigError } | undefined;

/** The process's configuration, validated once; a mistake is reported on every request, by name. */
export function getServerConfig(): ServerConfig {
  if (!cached) {
    try {
      cached = { config: loadServerConfig(process.env) };
    } catch (error) {
      if (!(error instanceof ConfigError)) throw error;
      console.error(`[parley] invalid configuration: ${error.message}`);
      cached = { error };
    }
  }
  if ('error' in cached) throw cached.error;
  return cached.config;
}

/** For tests: read the environment again on the next call. */
export function forgetServerConfig(): void {
  cached = undefined;
}
