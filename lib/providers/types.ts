/** The wire format a provider speaks; each has one adapter in lib/protocols. */
export type ProtocolId = 'openai';

/** How the credential travels upstream. */
export type AuthScheme = 'bearer' | 'x-api-key' | 'api-key' | 'x-goog-api-key' | 'none';

export type HttpMethod = 'GET' | 'POST';

/** What an upstream path is for; the proxy checks the model only on chat requests. */
export type PathKind = 'chat' | 'models' | 'account';

export interface ProviderPath {
  /** Relative to the provider's base URL, without a leading slash. */
  readonly path: string;
  readonly methods: readonly HttpMethod[];
  readonly kind: PathKind;
}

export interface CuratedModel {
  readonly id: string;
  readonly name?: string;
}

export interface ProviderEnvNames {
  /** Read in order; the first one set wins. Never another provider's names. */
  readonly apiKey: readonly string[];
  readonly baseUrl: readonly string[];
  /** Display name override (for endpoints whose name the registry cannot know). */
  readonly name?: readonly string[];
  /** A JSON object of extra headers to send upstream. */
  readonly headers?: readonly string[];
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
}
