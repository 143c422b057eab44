'use client';

import { useFormatter, useTranslations } from 'next-intl';
import { memo } from 'react';
import type { CatalogModel } from '@/lib/models/catalog-model';
import { useSettingsStore } from '@/lib/store/settings-store';
import { ModelIcon } from './model-icon';
import { CheckIcon, StarIcon } from '@/components/ui/icons';

interface ModelPickerOptionProps {
  model: CatalogModel;
  /** `provider:model`, or `endpoint/<id>:<model>` */
  choice: string;
  selected: boolean;
  favourite: boolean;
  onPick: (choice: string) => void;
  onToggleFavourite: (choice: string) => void;
}

const chipStyles = {
  reasoning: 'bg-violet-100 text-violet-800 dark:bg-violet-950 dark:text-violet-300',
  vision: 'bg-emerald-100 text-emerald-800 dark:bg-emerald-950 dark:text-emerald-300',
  tools: 'bg-amber-100 text-amber-800 dark:bg-amber-950 dark:text-amber-300',
} as const;

/**
 * One model: a button that picks it (icon, name, id, capabilities, context and price) and a star
 * beside it. Memoised: a long list re-renders only the rows whose favourite or selection changed.
 */
export const ModelPickerOption = memo(function ModelPickerOption({
  model,
  choice,
  selected,
  favourite,
  onPick,
  onToggleFavourite,
}: ModelPickerOptionProps) {
  const t = useTranslations('ModelPicker');
  const format = useFormatter();
  const label = model.name ?? model.id;
  const endpointBaseUrl = useSettingsStore(
    (state) => state.customEndpoints.find((endpoint) => endpoint.id === model.endpointId)?.baseUrl,
  );
  const chips = (['reasoning', 'vision', 'tools'] as const).filter((chip) => model[chip]);
  const price = (value: number) =>
    format.number(value, { style: 'currency', currency: 'USD', maximumSignificantDigits: 3 });
  const pricing = model.pricing;
  const free = pricing !== undefined && pricing.input === 0 && pricing.output === 0;
  const prices = pricing && { input: price(pricing.input), output: price(pricing.output) };

  return (
    // Rows skip layout and paint while scrolled out of view: an expanded OpenRouter list stays fast.
    <li className="flex items-stretch gap-1 [contain-intrinsic-size:auto_4rem] [content-visibility:auto]">
      <button
        type="button"
        data-testid="model-option"
        data-choice={choice}
        aria-current={selected ? 'true' : undefined}
        onClick={() => onPick(choice)}
        className={`flex min-w-0 flex-1 scroll-mt-8 items-start gap-2.5 rounded-md px-2 py-1.5 text-left hover:bg-zinc-100 focus-visible:bg-sky-50 focus-visible:outline-2 focus-visible:-outline-offset-2 focus-visible:outline-sky-500 dark:hover:bg-zinc-800 dark:focus-visible:bg-sky-950 ${selected ? 'bg-sky-50/70 dark:bg-sky-950/50' : ''}`}
      >
        <span className="mt-0.5 shrink-0">
          <ModelIcon
            modelId={model.id}
            provider={model.provider}
            endpointBaseUrl={endpointBaseUrl}
            size={20}
          />
        </span>
        <span className="flex min-w-0 flex-1 flex-col gap-0.5">
          <span className="flex items-center gap-1.5">
            <span className="truncate text-sm font-medium">{label}</span>
            {selected && (
              <span className="flex text-sky-600 dark:text-sky-400">
                <CheckIcon />
              </span>
            )}
          </span>
          {label !== model.id && (
            <span className="truncate font-mono text-[11px] text-zinc-500 dark:text-zinc-400">
              {model.id}
            </span>
          )}
          {model.unlisted && (
            <span
              data-testid="model-unlisted"
              className="text-[11px] text-amber-700 dark:text-amber-400"
            >
              {t('unlisted')}
            </span>
          )}
          {(chips.length > 0 || model.contextLength !== undefined || pricing) && (
            <span className="flex flex-wrap items-center gap-x-2 gap-y-1 text-[11px] text-zinc-600 dark:text-zinc-400">
              {chips.map((chip) => (
                <span
                  key={chip}
                  data-testid={`model-chip-${chip}`}
                  className={`rounded px-1.5 py-px font-medium ${chipStyles[chip]}`}
                >
                  {t(chip)}
                </span>
              ))}
              {model.contextLength !== undefined && (
                <span data-testid="model-context">
                  {t('context', {
                    tokens: format.number(model.contextLength, { notation: 'compact' }),
                  })}
                </span>
              )}
              {prices &&
                (free ? (
                  <span data-testid="model-price">{t('free')}</span>
                ) : (
                  <span data-testid="model-price" title={t('priceDescription', prices)}>
                    <span aria-hidden="true">{t('price', prices)}</span>
                    <span className="sr-only">{t('priceDescription', prices)}</span>
                  </span>
                ))}
            </span>
          )}
        </span>
      </button>
      <button
        type="button"
        data-testid="model-favourite"
        aria-pressed={favourite}
        aria-label={t(favourite ? 'removeFavourite' : 'addFavourite', { model: label })}
        title={t(favourite ? 'removeFavourite' : 'addFavourite', { model: label })}
        onClick={() => onToggleFavourite(choice)}
        className={`shrink-0 rounded-md px-2 text-lg leading-none hover:bg-zinc-100 focus-visible:outline-2 focus-visible:-outline-offset-2 focus-visible:outline-sky-500 dark:hover:bg-zinc-800 ${favourite ? 'text-amber-500' : 'text-zinc-400 dark:text-zinc-500'}`}
      >
        <StarIcon filled={favourite} />
      </button>
    </li>
  );
});
