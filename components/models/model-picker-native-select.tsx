'use client';

import { useTranslations } from 'next-intl';
import { choiceOf, parseModelChoice } from '@/lib/models/model-choice';
import type { LockedProvider } from '@/lib/chat/provider-access';
import type { PickerGroup } from './model-picker-sections';

interface ModelPickerNativeSelectProps {
  groups: readonly PickerGroup[];
  locked: readonly LockedProvider[];
  value: string | undefined;
  onChange: (choice: string) => void;
  disabled: boolean;
}

/**
 * The same choice as a native select, every model grouped by provider: screen readers can use
 * the platform's own control, and scripts (the e2e page object's `selectOption`) a standard one.
 * Visually hidden rather than `display: none`, so it stays operable; out of the tab order, so
 * keyboard users meet the picker button once.
 */
export function ModelPickerNativeSelect({
  groups,
  locked,
  value,
  onChange,
  disabled,
}: ModelPickerNativeSelectProps) {
  const t = useTranslations('ModelPicker');
  const offered = groups.some((group) => group.models.some((model) => choiceOf(model) === value));
  const current = value ? parseModelChoice(value) : undefined;

  return (
    <select
      data-testid="model-picker"
      aria-label={t('label')}
      tabIndex={-1}
      value={value ?? ''}
      onChange={(event) => onChange(event.target.value)}
      disabled={disabled}
      className="sr-only"
    >
      {groups.length === 0 && !value && <option value="">{t('none')}</option>}
      {value && !offered && current && <option value={value}>{current.model}</option>}
      {groups.map(({ key, label, models }) => (
        <optgroup key={key} label={label}>
          {models.map((model) => (
            <option key={choiceOf(model)} value={choiceOf(model)}>
              {model.name ?? model.id}
              {model.reasoning ? ` · ${t('reasoning')}` : ''}
            </option>
          ))}
        </optgroup>
      ))}
      {locked.length > 0 && (
        <optgroup label={t('locked')}>
          {locked.map((entry) => (
            <option key={entry.provider} value={`locked:${entry.provider}`} disabled>
              {`${entry.name} · ${t(entry.lock === 'needs-code' ? 'needsCode' : 'needsKey')}`}
            </option>
          ))}
        </optgroup>
      )}
    </select>
  );
}
