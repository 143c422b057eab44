import { providerIds } from '@/lib/providers/registry';
import type { LogFields } from './logger';
import { codesRequired } from './resolve-credential';
import { hasServerCredential, type ServerConfig } from './server-config';

/**
 * What an operator needs to see at start, as log fields: which providers are on (and whose key
 * they use), whether codes are required, what the proxy trust is. Never a key, code or address
 * of an upstream.
 */
export function startupSummary(config: ServerConfig): LogFields {
  const enabled = providerIds.filter((id) => config.providers[id].baseUrl);
  const describe = (id: (typeof enabled)[number]) => {
    const runtime = config.providers[id];
    if (hasServerCredential(runtime)) return `${id}(server key)`;
    return runtime.keyOptional ? `${id}(no key needed)` : `${id}(users' keys)`;
  };
  return {
    proxy_trust:
      config.trustedProxyCount > 0
        ? `${config.trustedProxyCount} hop(s) of X-Forwarded-For`
        : 'none (socket address)',
    providers: enabled.map(describe).join(',') || 'none',
    access_code: codesRequired(config)
      ? `required (${config.accessCodeDigests.length} code${config.accessCodeDigests.length === 1 ? '' : 's'})`
      : 'not required',
    user_keys: config.userKeysDisabled ? 'disabled' : 'allowed',
    ...modelRulesSummary(config),
    shared_state:
      config.state.store.kind === 'memory' ? 'memory (this process only)' : config.state.store.kind,
    host_names: config.allowedHosts ? config.allowedHosts.join(',') : 'any',
    log_level: config.log.level,
  };
}

/** How many model rules are in force, whether they fail closed, and which providers they open. */
function modelRulesSummary(config: ServerConfig): LogFields {
  const rules = config.modelRules;
  if (rules.length === 0) return { model_rules: 'none (every model allowed)' };
  const closed = rules[0]?.allow === false && rules[0].pattern === '*' && !rules[0].provider;
  const opened = new Set(
    rules.filter((rule) => rule.allow).map((rule) => rule.provider ?? 'every provider'),
  );
  return {
    model_rules: `${rules.length} (${closed ? 'MODELS: only what a rule allows' : 'CUSTOM_MODELS: all but what a rule denies'})`,
    models_open_on: [...opened].join(',') || 'none',
  };
}
