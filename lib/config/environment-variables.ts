import { providerIds, providers } from '@/lib/providers/registry';
import type { ProviderDefinition } from '@/lib/providers/types';

/**
 * The operator's reference: every environment variable Parley reads. Provider variables come
 * from the registry; the rest are listed here. A test checks this list against what
 * lib/server/server-config.ts reads, and that the README's table is generated from it.
 */
export const serverVariables: ReadonlyArray<{
  names: string[];
  meaning: string;
  fallback?: string;
}> = [
  {
    names: ['CODE', 'ACCESS_CODE'],
    meaning:
      'Access codes, comma-separated, 8+ characters each; when set, the server keys need one',
  },
  {
    names: ['MODELS', 'CUSTOM_MODELS'],
    meaning: 'Model rules (see Models): `MODELS` fails closed, `CUSTOM_MODELS` adds as in NextChat',
  },
  { names: ['DEFAULT_MODEL'], meaning: 'The model new chats start with, as `provider:model`' },
  {
    names: ['PREFERRED_PROVIDER'],
    meaning: 'The provider new chats start on when `DEFAULT_MODEL` is unset',
    fallback: 'the first with a server key',
  },
  {
    names: ['APP_URL'],
    meaning:
      'The deployment’s address: its host name is accepted (see `ALLOWED_HOSTS`), and it is sent to OpenRouter and OrcaRouter as `HTTP-Referer`',
    fallback: 'the page’s origin',
  },
  {
    names: ['ALLOWED_HOSTS'],
    meaning:
      'More host names the deployment answers to, comma-separated; with `APP_URL`, requests for any other name (DNS rebinding) get 421',
    fallback: 'any host name, with a warning at start',
  },
  {
    names: ['VERCEL_URL', 'VERCEL_BRANCH_URL', 'VERCEL_PROJECT_PRODUCTION_URL'],
    meaning: 'Set by Vercel: its generated host names are accepted too once the check is on',
  },
  {
    names: ['APP_NAME'],
    meaning: 'Sent to OpenRouter and OrcaRouter as `X-Title`',
    fallback: 'Parley',
  },
  {
    names: ['DISABLE_USER_KEYS', 'HIDE_USER_API_KEY'],
    meaning: 'Refuse users’ own keys and hide their fields',
    fallback: 'false',
  },
  {
    names: ['ALLOW_HTTP_UPSTREAMS'],
    meaning: 'Users’ own endpoints may use plain http',
    fallback: 'false',
  },
  {
    names: ['ALLOW_PRIVATE_UPSTREAMS'],
    meaning: 'Users’ own endpoints may be private or local addresses (implies http)',
    fallback: 'false',
  },
  {
    names: ['TRUSTED_PROXY_COUNT'],
    meaning: 'Reverse proxies in front that append to `X-Forwarded-For`',
    fallback: '0',
  },
  {
    names: ['GATEWAY_TRANSPORT'],
    meaning:
      '`npm start` only: `node` serves `/api/<provider>/…` in its own Node server; `next` through the route handler, as on Vercel',
    fallback: 'node',
  },
  {
    names: ['ACCESS_FAILURE_LIMIT'],
    meaning: 'Wrong codes per client address before it must wait',
    fallback: '10',
  },
  {
    names: ['ACCESS_FAILURE_WINDOW_S'],
    meaning: 'The window for those failures, in seconds',
    fallback: '600',
  },
  { names: ['MAX_BODY_MB'], meaning: 'Largest request body, in MB', fallback: '20' },
  { names: ['MAX_STREAMS'], meaning: 'Concurrent upstream calls in all', fallback: '500' },
  {
    names: ['MAX_STREAMS_PER_CLIENT'],
    meaning: 'Concurrent upstream calls per client address',
    fallback: '20',
  },
  {
    names: ['MAX_RETRIES'],
    meaning: 'Retries of a failed upstream call before its first byte (0 turns them off)',
    fallback: '2',
  },
  {
    names: ['FIRST_BYTE_TIMEOUT_MS'],
    meaning: 'Time budget until the upstream’s first byte',
    fallback: '120000',
  },
  {
    names: ['IDLE_TIMEOUT_MS'],
    meaning: 'Longest silence between chunks of a stream',
    fallback: '60000',
  },
  {
    names: ['TOTAL_TIMEOUT_MS'],
    meaning: 'Time budget for a whole upstream call',
    fallback: '900000',
  },
  {
    names: ['REDIS_URL'],
    meaning:
      'A Redis or Valkey server (`redis://[:password@]host:6379/0`, `rediss://` for TLS) that holds the state instances share: wrong-code lockouts, stream slots, the model catalog',
    fallback: 'this process’s memory',
  },
  {
    names: ['UPSTASH_REDIS_REST_URL', 'KV_REST_API_URL'],
    meaning:
      'Upstash Redis’s REST URL, for the same shared state on Vercel (Vercel’s Upstash integration sets `KV_REST_API_URL`)',
  },
  {
    names: ['UPSTASH_REDIS_REST_TOKEN', 'KV_REST_API_TOKEN'],
    meaning: 'The token for that REST URL',
  },
  {
    names: ['STATE_PREFIX'],
    meaning: 'Prefix of every key Parley writes to the shared store',
    fallback: '`parley:`',
  },
  {
    names: ['STREAM_LEASE_S'],
    meaning:
      'With a shared store: how long a stream slot outlives an instance that died (leases are renewed while the stream lives)',
    fallback: '30',
  },
  {
    names: ['STATE_TIMEOUT_MS'],
    meaning:
      'A shared-store call slower than this is given up and the instance’s own limits decide',
    fallback: '250',
  },
  {
    names: ['SYNC_MAX_MB'],
    meaning:
      'With a shared store: the most one sync space (one person’s devices) may hold, in MB of ciphertext',
    fallback: '50',
  },
  {
    names: ['SYNC_REQUESTS_PER_MINUTE'],
    meaning: 'Sync requests one client address may make per minute',
    fallback: '120',
  },
  {
    names: ['LOG_LEVEL'],
    meaning:
      'How much the server logs: `error`, `warn`, `info` (one line per gateway request) or `debug`',
    fallback: 'info',
  },
  {
    names: ['LOG_FORMAT'],
    meaning: '`text` for people, `json` (one object a line) for log collectors',
    fallback: 'text',
  },
];

const code = (names: readonly string[]) => names.map((name) => `\`${name}\``).join(', ');

/** The README's configuration table, as markdown. */
export function renderEnvironmentTable(): string {
  const rows = [
    '| Variable | Meaning | Default |',
    '| --- | --- | --- |',
    ...providerIds.flatMap((id) => {
      const definition: ProviderDefinition = providers[id];
      const { env } = definition;
      const name = definition.name;
      return [
        `| ${code(env.apiKey)} | ${name} API key${definition.keyOptional ? ' (optional)' : ''} | |`,
        `| ${code(env.baseUrl)} | ${name} base URL | ${definition.baseUrl ? `\`${definition.baseUrl}\`` : definition.baseUrlWhenKeyed ? `with a key alone, \`${definition.baseUrlWhenKeyed}\`` : 'none: set it to enable'} |`,
        ...Object.values(env.options ?? {}).map(
          (names) => `| ${code(names)} | ${name}: legacy API version (deployment URLs) | |`,
        ),
        ...(env.name
          ? [`| ${code(env.name)} | ${name}: display name | recognised from the host |`]
          : []),
        ...(env.headers
          ? [
              `| ${code(env.headers)} | ${name}: extra headers, a JSON object (a credential header there serves as the key) | |`,
            ]
          : []),
        ...(env.enabled
          ? [`| ${code(env.enabled)} | ${name}: \`false\` turns it off | true |`]
          : []),
        ...(env.models
          ? [`| ${code(env.models)} | ${name}: models to offer, comma-separated | |`]
          : []),
        ...(env.routing
          ? [`| ${code(env.routing)} | ${name}: routing by model glob, JSON | |`]
          : []),
      ];
    }),
    ...serverVariables.map(
      (variable) =>
        `| ${code(variable.names)} | ${variable.meaning} | ${variable.fallback ?? ''} |`,
    ),
  ];
  return rows.join('\n');
}
