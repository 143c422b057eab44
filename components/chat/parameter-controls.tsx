'use client';

import { useTranslations } from 'next-intl';
import { SlidersIcon } from '@/components/ui/icons';
import type { CatalogModel } from '@/lib/models/catalog-model';
import type { ReasoningEffort } from '@/lib/protocols/types';
import type { ConversationParameters } from '@/lib/store/chat-types';

const efforts: ReasoningEffort[] = ['minimal', 'low', 'medium', 'high'];

interface ParameterControlsProps {
  model: CatalogModel | undefined;
  parameters: ConversationParameters;
  onChange: (parameters: ConversationParameters) => void;
  systemPrompt: string;
  onSystemPromptChange: (prompt: string) => void;
}

/**
 * The chat's parameters, showing only the controls this model accepts: no temperature for a
 * model that rejects it, a reasoning effort only for a model that reasons. Unset means "the
 * provider's default", and nothing is sent.
 */
export function ParameterControls({
  model,
  parameters,
  onChange,
  systemPrompt,
  onSystemPromptChange,
}: ParameterControlsProps) {
  const t = useTranslations('Parameters');
  const acceptsTemperature = !model || model.parameters.includes('temperature');
  const reasons = !model || model.reasoning;

  return (
    <details className="relative text-sm">
      <summary
        data-testid="parameters-button"
        className="flex cursor-pointer list-none items-center gap-1.5 rounded-md border border-zinc-300 px-2.5 py-1.5 whitespace-nowrap hover:bg-zinc-100 dark:border-zinc-700 dark:hover:bg-zinc-800"
      >
        <SlidersIcon />
        <span className="sr-only sm:not-sr-only">{t('title')}</span>
      </summary>
      <div
        data-testid="parameters-panel"
        // On a phone the panel is a sheet under the header, inside the screen whatever the
        // button's place; on a wider screen it hangs from the button.
        className="z-30 flex flex-col gap-3 overflow-y-auto rounded-lg border border-zinc-200 bg-white p-3 shadow-lg max-sm:fixed max-sm:inset-x-2 max-sm:top-14 max-sm:max-h-[calc(100dvh-4.5rem)] sm:absolute sm:right-0 sm:mt-1 sm:w-72 dark:border-zinc-800 dark:bg-zinc-900"
      >
        <label className="flex flex-col gap-1">
          <span>{t('systemPrompt')}</span>
          <textarea
            data-testid="system-prompt"
            rows={3}
            value={systemPrompt}
            placeholder={t('systemPromptPlaceholder')}
            onChange={(event) => onSystemPromptChange(event.target.value)}
            className="rounded-md border border-zinc-300 bg-white px-2 py-1 dark:border-zinc-700 dark:bg-zinc-950"
          />
        </label>
        {acceptsTemperature && (
          <label className="flex flex-col gap-1" data-testid="temperature-control">
            <span className="flex justify-between">
              <span>{t('temperature')}</span>
              <span className="text-zinc-500">{parameters.temperature ?? t('default')}</span>
            </span>
            <input
              type="range"
              data-testid="temperature-input"
              min={0}
              max={2}
              step={0.1}
              value={parameters.temperature ?? 1}
              onChange={(event) =>
                onChange({ ...parameters, temperature: Number(event.target.value) })
              }
            />
          </label>
        )}
        {reasons && (
          <label className="flex flex-col gap-1">
            <span>{t('reasoningEffort')}</span>
            <select
              data-testid="reasoning-effort"
              value={parameters.reasoningEffort ?? ''}
              onChange={(event) =>
                onChange({
                  ...parameters,
                  reasoningEffort: (event.target.value || undefined) as ReasoningEffort | undefined,
                })
              }
              className="rounded-md border border-zinc-300 bg-white px-2 py-1 dark:border-zinc-700 dark:bg-zinc-950"
            >
              <option value="">{t('default')}</option>
              {efforts.map((effort) => (
                <option key={effort} value={effort}>
                  {t(`effort.${effort}`)}
                </option>
              ))}
            </select>
          </label>
        )}
        <button
          type="button"
          data-testid="parameters-reset"
          onClick={() => {
            onChange({});
            onSystemPromptChange('');
          }}
          className="self-start rounded-md border border-zinc-300 px-2 py-1 text-xs dark:border-zinc-700"
        >
          {t('reset')}
        </button>
      </div>
    </details>
  );
}
