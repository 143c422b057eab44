'use client';

import { useTranslations } from 'next-intl';
import { lazy, Suspense, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { ChevronDownIcon } from '@/components/ui/icons';
import type { LockedProvider } from '@/lib/chat/provider-access';
import type { PublicProvider } from '@/lib/config/public-config';
import type { CatalogModel } from '@/lib/models/catalog-model';
import { findModel, modelLabel, parseModelChoice } from '@/lib/models/model-choice';
import { usePickerStore } from '@/lib/store/picker-store';
import { useSettingsStore } from '@/lib/store/settings-store';
import { ModelIcon } from './model-icon';
import { ModelPickerNativeSelect } from './model-picker-native-select';
import type { PickerGroup } from './model-picker-sections';

/** The full list is not part of the first load: fetched when the page is idle, or when opened. */
const loadPopover = () => import('./model-picker-popover');
const ModelPickerPopover = lazy(() =>
  loadPopover().then((module) => ({ default: module.ModelPickerPopover })),
);

export function preloadModelPicker(): void {
  void loadPopover();
}

interface ModelPickerProps {
  providers: readonly PublicProvider[];
  /** The models this person can use now. */
  models: readonly CatalogModel[];
  /** Providers that need the code or a key first: listed last, with the way to unlock them. */
  locked: readonly LockedProvider[];
  /** Opens where the code and keys are entered. */
  onUnlock: () => void;
  /** `provider:model` */
  value: string | undefined;
  onChange: (value: string) => void;
}

/**
 * A button showing the current model that opens a searchable list of every model, grouped by
 * provider and by the user's own endpoints, with favourites and recently used models on top.
 */
export function ModelPicker({
  providers,
  models,
  locked,
  onUnlock,
  value,
  onChange,
}: ModelPickerProps) {
  const t = useTranslations('ModelPicker');
  const endpoints = useSettingsStore((state) => state.customEndpoints);
  const recordUse = usePickerStore((state) => state.recordUse);
  const [open, setOpen] = useState(false);
  const root = useRef<HTMLDivElement>(null);
  const trigger = useRef<HTMLButtonElement>(null);
  const unnamedEndpoint = t('unnamedEndpoint');

  const groups = useMemo<PickerGroup[]>(
    () =>
      [
        ...providers.map((provider) => ({
          key: provider.id,
          label: provider.name,
          models: models.filter((model) => model.provider === provider.id && !model.endpointId),
        })),
        ...endpoints.map((endpoint) => ({
          key: `endpoint/${endpoint.id}`,
          label: endpoint.name || unnamedEndpoint,
          models: models.filter((model) => model.endpointId === endpoint.id),
        })),
      ].filter((group) => group.models.length > 0),
    [providers, models, endpoints, unnamedEndpoint],
  );

  useEffect(() => {
    if (!open) return;
    const closeOutside = (event: PointerEvent) => {
      if (event.target instanceof Node && !root.current?.contains(event.target)) setOpen(false);
    };
    document.addEventListener('pointerdown', closeOutside);
    return () => document.removeEventListener('pointerdown', closeOutside);
  }, [open]);

  const close = useCallback(() => {
    setOpen(false);
    trigger.current?.focus();
  }, []);
  const choose = useCallback(
    (choice: string) => {
      recordUse(choice);
      onChange(choice);
    },
    [recordUse, onChange],
  );
  const pick = useCallback(
    (choice: string) => {
      choose(choice);
      close();
    },
    [choose, close],
  );

  const disabled = groups.length === 0 && locked.length === 0 && !value;
  const current = findModel(models, value);
  const parsed = value ? parseModelChoice(value) : undefined;
  const icon = current
    ? { modelId: current.id, provider: current.provider }
    : parsed && { modelId: parsed.model, provider: parsed.provider };
  const iconEndpoint = endpoints.find((endpoint) => endpoint.id === parsed?.endpointId)?.baseUrl;

  return (
    <div
      ref={root}
      className="relative flex shrink-0 items-center sm:min-w-0 sm:shrink"
      onBlur={(event) => {
        // Tabbing out closes the list; a click inside on plain text moves the focus to nowhere.
        const next = event.relatedTarget;
        if (open && next instanceof Node && !root.current?.contains(next)) setOpen(false);
      }}
    >
      <ModelPickerNativeSelect
        groups={groups}
        locked={locked}
        value={value}
        onChange={choose}
        disabled={disabled}
      />
      <button
        ref={trigger}
        type="button"
        data-testid="model-picker-trigger"
        aria-haspopup="dialog"
        aria-expanded={open}
        title={value ? modelLabel(models, value) : undefined}
        disabled={disabled}
        onClick={() => setOpen((previous) => !previous)}
        className="flex max-w-[min(22rem,45vw)] min-w-0 items-center gap-2 rounded-md border border-zinc-300 bg-white px-2 py-1.5 text-sm hover:bg-zinc-50 focus-visible:outline-2 focus-visible:outline-sky-500 disabled:opacity-60 dark:border-zinc-700 dark:bg-zinc-900 dark:hover:bg-zinc-800"
      >
        {icon && (
          <ModelIcon
            modelId={icon.modelId}
            provider={icon.provider}
            endpointBaseUrl={iconEndpoint}
            size={18}
          />
        )}
        <span className="sr-only">{`${t('label')}: `}</span>
        {/* On a phone the icon stands for the model; the name stays for screen readers. */}
        <span data-testid="model-picker-current" className="truncate max-sm:sr-only">
          {value ? modelLabel(models, value) : t(disabled ? 'none' : 'choose')}
        </span>
        <ChevronDownIcon />
      </button>
      {open && (
        <Suspense fallback={null}>
          <ModelPickerPopover
            groups={groups}
            locked={locked}
            value={value}
            onPick={pick}
            onUnlock={() => {
              setOpen(false);
              onUnlock();
            }}
            onClose={close}
          />
        </Suspense>
      )}
    </div>
  );
}
