'use client';

import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { ownAccessFor } from '@/lib/chat/gateway-request';
import { useSettingsStore, type CustomEndpoint } from '@/lib/store/settings-store';
import { ConnectionTest } from './connection-test';
import { SecretInput } from './secret-input';

/** The user's own OpenAI-compatible endpoints: any number, each with its own address and key. */
export function CustomEndpoints() {
  const t = useTranslations('Settings');
  const endpoints = useSettingsStore((state) => state.customEndpoints);
  const addEndpoint = useSettingsStore((state) => state.addEndpoint);
  return (
    <section className="flex flex-col gap-3" data-testid="custom-endpoints">
      <div>
        <h3 className="text-sm font-medium">{t('endpoints')}</h3>
        <p className="text-xs text-zinc-500">{t('endpointsHelp')}</p>
      </div>
      {endpoints.map((endpoint) => (
        <EndpointFields key={endpoint.id} endpoint={endpoint} />
      ))}
      <button
        type="button"
        data-testid="add-endpoint"
        onClick={() => addEndpoint()}
        className="self-start rounded-md border border-zinc-300 px-3 py-1.5 text-sm hover:bg-zinc-100 dark:border-zinc-700 dark:hover:bg-zinc-800"
      >
        {t('addEndpoint')}
      </button>
    </section>
  );
}

function EndpointFields({ endpoint }: { endpoint: CustomEndpoint }) {
  const t = useTranslations('Settings');
  const updateEndpoint = useSettingsStore((state) => state.updateEndpoint);
  const removeEndpoint = useSettingsStore((state) => state.removeEndpoint);
  // Free text while typing; the parsed form is what is stored and used.
  const [headersText, setHeadersText] = useState(() => formatHeaders(endpoint.headers));
  const [modelsText, setModelsText] = useState(() => endpoint.models.join(', '));
  const field = (name: string) => `endpoint-${endpoint.id}-${name}`;
  const inputClass =
    'rounded-md border border-zinc-300 bg-white px-2 py-1.5 text-sm dark:border-zinc-700 dark:bg-zinc-950';

  return (
    <fieldset
      data-testid="endpoint"
      className="flex flex-col gap-2 rounded-lg border border-zinc-200 p-3 dark:border-zinc-800"
    >
      <label className="flex flex-col gap-1 text-sm">
        {t('endpointName')}
        <input
          data-testid="endpoint-name"
          value={endpoint.name}
          onChange={(event) => updateEndpoint(endpoint.id, { name: event.target.value })}
          className={inputClass}
        />
      </label>
      <label className="flex flex-col gap-1 text-sm">
        {t('endpointBaseUrl')}
        <input
          data-testid="endpoint-base-url"
          type="url"
          placeholder="https://api.example.com/v1"
          value={endpoint.baseUrl}
          onChange={(event) => updateEndpoint(endpoint.id, { baseUrl: event.target.value.trim() })}
          className={`${inputClass} font-mono`}
        />
      </label>
      <div className="flex flex-col gap-1 text-sm">
        <label htmlFor={field('key')}>{t('endpointKey')}</label>
        <SecretInput
          id={field('key')}
          testId="endpoint-key"
          value={endpoint.apiKey}
          onChange={(apiKey) => updateEndpoint(endpoint.id, { apiKey: apiKey.trim() })}
        />
      </div>
      <label className="flex flex-col gap-1 text-sm">
        {t('endpointHeaders')}
        <textarea
          data-testid="endpoint-headers"
          rows={2}
          placeholder="X-Team: research"
          value={headersText}
          onChange={(event) => {
            setHeadersText(event.target.value);
            updateEndpoint(endpoint.id, { headers: parseHeaders(event.target.value) });
          }}
          className={`${inputClass} font-mono`}
        />
      </label>
      <label className="flex flex-col gap-1 text-sm">
        {t('endpointModels')}
        <input
          data-testid="endpoint-models"
          placeholder="llama3.3-70b, qwen3-32b"
          value={modelsText}
          onChange={(event) => {
            setModelsText(event.target.value);
            updateEndpoint(endpoint.id, { models: parseList(event.target.value) });
          }}
          className={`${inputClass} font-mono`}
        />
        <span className="text-xs text-zinc-500">{t('endpointModelsHelp')}</span>
      </label>
      <label className="flex items-start gap-2 text-sm">
        <input
          type="checkbox"
          data-testid="endpoint-direct"
          checked={endpoint.direct === true}
          onChange={(event) => updateEndpoint(endpoint.id, { direct: event.target.checked })}
          className="mt-1"
        />
        <span>
          {t('endpointDirect')}
          <span className="block text-xs text-zinc-500">{t('endpointDirectHelp')}</span>
        </span>
      </label>
      <ConnectionTest
        testId="test-endpoint"
        target={() => ({
          provider: 'openai-compatible',
          access: ownAccessFor(useSettingsStore.getState(), 'openai-compatible', {
            userKeysAllowed: true,
            endpointId: endpoint.id,
          }),
        })}
      />
      <button
        type="button"
        data-testid="remove-endpoint"
        onClick={() => removeEndpoint(endpoint.id)}
        className="self-start text-xs text-red-700 underline dark:text-red-400"
      >
        {t('removeEndpoint')}
      </button>
    </fieldset>
  );
}

/** `Name: value` per line; lines without a colon are ignored. */
function parseHeaders(text: string): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const line of text.split('\n')) {
    const colon = line.indexOf(':');
    const name = line.slice(0, colon).trim();
    if (colon > 0 && name) headers[name] = line.slice(colon + 1).trim();
  }
  return headers;
}

function formatHeaders(headers: Record<string, string>): string {
  return Object.entries(headers)
    .map(([name, value]) => `${name}: ${value}`)
    .join('\n');
}

function parseList(text: string): string[] {
  return text
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean);
}
