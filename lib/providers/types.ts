/** The wire format a provider speaks; each has one adapter in lib/protocols. */
export type ProtocolId = 'openai' | 'anthropic' | 'gemini';

/** How the credential travels upstream. */
export type AuthScheme = 'bearer' | 'x-api-key' | 'api-key' | 'x-goog-api-key' | 'none';

export type HttpMethod = 'GET' | 'POST';

/** What an upstream path is for; the proxy checks the model only on chat requests. */
export type PathKind = 'chat' | 'models' | 'account';

export interface ProviderPath {
  /**
   * Relative to the provider's base URL, without a leading slash. `{model}` stands for a model id
   * inside one path segment (Gemini's `models/{model}:streamGenerateContent`); the proxy captures
   * it and checks it against the allowlist like a model in the body.
   */
  readonly path: string;
  readonly methods: readonly HttpMethod[];
  readonly kind: PathKind;
  /** Query parameters the client may pass, with the values allowed; everything else is dropped. */
  readonly query?: Readonly<Record<string, readonly string[]>>;
}

/** Where a request goes upstream, decided by a provider hook when it differs from the gateway path. */
export interface UpstreamTarget {
  path: string;
  query: Record<string, string>;
}

/** The provider-specific preferences a user can set in the settings panel (labels in locales/). */
export type ProviderSettingKey =
  | 'providerOrder'
  | 'providerOnly'
  | 'sort'
  | 'dataCollection'
  | 'allowFallbacks'
  | 'fallbackModels'
  | 'thinkingBudget'
  | 'deployments';
export type ProviderSettingOption =
  | 'price'
  | 'throughput'
  | 'latency'
  | 'allow'
  | 'deny'
  | 'yes'
  | 'no'
  | 'tokens2048'
  | 'tokens8192'
  | 'tokens16384'
  | 'tokens32768';

export interface ProviderSettingField {
  key: ProviderSettingKey;
  /** `list`: comma-separated values; `select`: one of `options`, or empty for the provider's default. */
  kind: 'list' | 'select';
  options?: readonly ProviderSettingOption[];
}

export type ProviderSettingValues = Partial<Record<ProviderSettingKey, string | string[]>>;

export interface CuratedModel {
  readonly id: string;
  readonly name?: string;
}

export interface ProviderEnvNames {
  /** Read in order; the first one set wins. Never another provider's names. */
  readonly apiKey: readonly string[];
  readonly baseUrl: readonly string[];
  /** Provider settings beyond key and base URL, by option name (Azure's API version). */
  readonly options?: Readonly<Record<string, readonly string[]>>;
  /** Display name override (for endpoints whose name the registry cannot know). */
  readonly name?: readonly string[];
  /** A JSON object of extra headers to send upstream. */
  readonly headers?: readonly string[];
  /** Comma-separated model ids to offer when the endpoint has no usable /models. */
  readonly models?: readonly string[];
  /** Operator routing as JSON keyed by model glob (OpenRouter preferences, fallback chains). */
  readonly routing?: readonly string[];
  /** `false` turns the provider off whatever else is set (the refactor document's switch). */
  readonly enabled?: readonly string[];
}

export interface ProviderDefinition {
  readonly name: string;
  readonly protocol: ProtocolId;
  /** The SDK-convention base URL (OpenAI-style bases include /v1); empty when the operator must set one. */
  readonly baseUrl: string;
  readonly env: ProviderEnvNames;
  readonly auth: AuthScheme;
  /** The only upstream paths the proxy opens for this provider. */
  readonly paths: readonly ProviderPath[];
  /** Sends HTTP-Referer and X-Title so the router can attribute traffic to the deployment. */
  readonly attribution?: boolean;
  /** Shown in the model picker before any discovery. */
  readonly curatedModels: readonly CuratedModel[];
  /** Names the endpoint after its host when no name is configured. */
  readonly detectNameFromBaseUrl?: boolean;
  /** The address used when the operator set a key but no base URL (the generic provider's default). */
  readonly baseUrlWhenKeyed?: string;
  /** Works without any key (a local Ollama). */
  readonly keyOptional?: boolean;
  /** Headers always sent upstream unless the client sent its own value (API versions). */
  readonly defaultHeaders?: Readonly<Record<string, string>>;
  /** Client headers passed through as they are (version and beta flags; never credentials). */
  readonly forwardHeaders?: readonly string[];
  /** Maps a gateway path to the upstream one where they differ (Azure's legacy deployment URLs). */
  readonly upstreamTarget?: (context: {
    endpoint: ProviderPath;
    model?: string;
    options: Readonly<Record<string, string>>;
  }) => UpstreamTarget | undefined;
  /**
   * Adjusts a request body the chat built with the shared protocol adapter, for a provider's own
   * spelling of a shared concept (OpenRouter's `reasoning.effort`, DeepSeek's `thinking`).
   */
  readonly adaptRequestBody?: (body: Record<string, unknown>) => Record<string, unknown>;
  /** Preferences the settings panel offers for this provider, applied by `applyUserSettings`. */
  readonly settingFields?: readonly ProviderSettingField[];
  readonly applyUserSettings?: (
    body: Record<string, unknown>,
    values: ProviderSettingValues,
  ) => Record<string, unknown>;
  /**
   * Merges the operator's routing rule for this model into a chat body, on the server. Returns
   * undefined when the rule has a shape this provider does not understand (a config error).
   */
  readonly mergeRouting?: (
    body: Record<string, unknown>,
    rule: unknown,
  ) => Record<string, unknown> | undefined;
}
