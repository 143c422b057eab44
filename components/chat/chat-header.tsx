'use client';

import { useTranslations } from 'next-intl';
import { ModelPicker } from '@/components/models/model-picker';
import { LanguageSelect } from '@/components/settings/language-select';
import { GearIcon, KeyboardIcon, MenuIcon } from '@/components/ui/icons';
import type { AccessSplit } from '@/lib/chat/provider-access';
import type { PublicConfig } from '@/lib/config/public-config';
import { findModel } from '@/lib/models/model-choice';
import type { CatalogModel } from '@/lib/models/catalog-model';
import { useChatStore } from '@/lib/store/chat-store';
import type { ConversationParameters } from '@/lib/store/chat-types';
import { useSettingsStore } from '@/lib/store/settings-store';
import { ParameterControls } from './parameter-controls';

interface ChatHeaderProps {
  config: PublicConfig | undefined;
  models: readonly CatalogModel[];
  /** What this person can use now, and what needs a code or a key first. */
  access: AccessSplit;
  /** `provider:model` of the chat on screen (or of the next new chat). */
  model: string | undefined;
  onOpenSettings: () => void;
  onOpenSidebar: () => void;
  onOpenShortcuts: () => void;
}

export function ChatHeader({
  config,
  models,
  access,
  model,
  onOpenSettings,
  onOpenSidebar,
  onOpenShortcuts,
}: ChatHeaderProps) {
  const t = useTranslations('Header');
  const tSidebar = useTranslations('Sidebar');
  const activeId = useChatStore((state) => state.activeId);
  const active = useChatStore((state) =>
    state.activeId ? state.conversations[state.activeId] : undefined,
  );
  const changeConversation = useChatStore((state) => state.changeConversation);
  const draftParameters = useSettingsStore((state) => state.draftParameters);
  const setDraftParameters = useSettingsStore((state) => state.setDraftParameters);
  const draftSystemPrompt = useSettingsStore((state) => state.draftSystemPrompt);
  const setDraftSystemPrompt = useSettingsStore((state) => state.setDraftSystemPrompt);
  const setLastModel = useSettingsStore((state) => state.setLastModel);

  const chooseModel = (value: string) => {
    setLastModel(value);
    // Choosing a model for a new chat is a one-off; the user's default model stays the default.
    if (activeId) changeConversation(activeId, { model: value });
  };
  const changeParameters = (parameters: ConversationParameters) => {
    if (activeId) changeConversation(activeId, { parameters });
    else setDraftParameters(parameters);
  };
  const changeSystemPrompt = (systemPrompt: string) => {
    if (activeId) changeConversation(activeId, { systemPrompt: systemPrompt || undefined });
    else setDraftSystemPrompt(systemPrompt);
  };

  return (
    <header className="flex items-center gap-2 border-b border-zinc-200 px-3 py-2 dark:border-zinc-800">
      <button
        type="button"
        data-testid="open-sidebar"
        className="flex size-10 shrink-0 items-center justify-center rounded-md hover:bg-zinc-100 md:hidden dark:hover:bg-zinc-800"
        aria-label={tSidebar('openMenu')}
        onClick={onOpenSidebar}
      >
        <MenuIcon />
      </button>
      <ModelPicker
        providers={config?.providers ?? []}
        models={access.usable}
        locked={access.locked}
        onUnlock={onOpenSettings}
        value={model}
        onChange={chooseModel}
      />
      <ParameterControls
        model={findModel(models, model)}
        parameters={(activeId ? active?.parameters : draftParameters) ?? {}}
        onChange={changeParameters}
        systemPrompt={(activeId ? active?.systemPrompt : draftSystemPrompt) ?? ''}
        onSystemPromptChange={changeSystemPrompt}
      />
      <div className="ml-auto flex items-center gap-2">
        <div className="hidden sm:block">
          <LanguageSelect />
        </div>
        <button
          type="button"
          data-testid="shortcuts-button"
          aria-haspopup="dialog"
          aria-keyshortcuts="?"
          aria-label={t('shortcuts')}
          title={t('shortcuts')}
          onClick={onOpenShortcuts}
          className="flex size-[34px] items-center justify-center rounded-md border border-zinc-300 hover:bg-zinc-100 focus-visible:outline-2 focus-visible:outline-sky-500 dark:border-zinc-700 dark:hover:bg-zinc-800"
        >
          <KeyboardIcon />
        </button>
        <button
          type="button"
          data-testid="settings-button"
          onClick={onOpenSettings}
          className="flex items-center gap-1.5 rounded-md border border-zinc-300 px-2.5 py-1.5 text-sm whitespace-nowrap hover:bg-zinc-100 focus-visible:outline-2 focus-visible:outline-sky-500 dark:border-zinc-700 dark:hover:bg-zinc-800"
        >
          <GearIcon />
          <span className="sr-only sm:not-sr-only">{t('settings')}</span>
        </button>
      </div>
    </header>
  );
}
