'use client';

import { useTranslations } from 'next-intl';
import { ModelPicker } from '@/components/models/model-picker';
import { LanguageSelect } from '@/components/settings/language-select';
import type { PublicConfig } from '@/lib/config/public-config';
import { useChatStore } from '@/lib/store/chat-store';
import { useSettingsStore } from '@/lib/store/settings-store';
import { useCurrentModel } from '@/lib/chat/use-current-model';

interface ChatHeaderProps {
  config: PublicConfig | undefined;
  onOpenSettings: () => void;
  onOpenSidebar: () => void;
}

export function ChatHeader({ config, onOpenSettings, onOpenSidebar }: ChatHeaderProps) {
  const t = useTranslations('Header');
  const tSidebar = useTranslations('Sidebar');
  const model = useCurrentModel(config);
  const activeId = useChatStore((state) => state.activeId);
  const setConversationModel = useChatStore((state) => state.setConversationModel);
  const setLastModel = useSettingsStore((state) => state.setLastModel);

  const chooseModel = (value: string) => {
    setLastModel(value);
    if (activeId) setConversationModel(activeId, value);
  };

  return (
    <header className="flex items-center gap-2 border-b border-zinc-200 px-3 py-2 dark:border-zinc-800">
      <button
        type="button"
        className="rounded-md px-2 py-1 text-lg md:hidden"
        aria-label={tSidebar('openMenu')}
        onClick={onOpenSidebar}
      >
        ☰
      </button>
      <ModelPicker config={config} value={model} onChange={chooseModel} />
      <div className="ml-auto flex items-center gap-2">
        <LanguageSelect />
        <button
          type="button"
          data-testid="settings-button"
          onClick={onOpenSettings}
          className="rounded-md border border-zinc-300 px-3 py-1.5 text-sm whitespace-nowrap hover:bg-zinc-100 focus-visible:outline-2 focus-visible:outline-sky-500 dark:border-zinc-700 dark:hover:bg-zinc-800"
        >
          {t('settings')}
        </button>
      </div>
    </header>
  );
}
