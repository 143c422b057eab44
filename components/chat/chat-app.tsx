'use client';

import { useTranslations } from 'next-intl';
import { useEffect, useMemo, useState } from 'react';
import { sendMessage, stopStreaming } from '@/lib/chat/send-message';
import { useCurrentModel } from '@/lib/chat/use-current-model';
import { useEndpointModels } from '@/lib/chat/use-endpoint-models';
import { useModelCatalog } from '@/lib/chat/use-model-catalog';
import { usePublicConfig } from '@/lib/chat/use-public-config';
import type { CatalogModel } from '@/lib/models/catalog-model';
import { useSettingsStore } from '@/lib/store/settings-store';
import { findModel, modelLabel } from '@/lib/models/model-choice';
import { flushPendingWrites, useChatStore } from '@/lib/store/chat-store';
import { ChatHeader } from './chat-header';
import { Composer } from './composer';
import { ConversationSidebar } from './conversation-sidebar';
import { EmptyState } from './empty-state';
import { ErrorNotice } from './error-notice';
import { MessageList } from './message-list';
import { SettingsDialog } from '@/components/settings/settings-dialog';

export function ChatApp() {
  const t = useTranslations('App');
  const configState = usePublicConfig();
  const hydrate = useChatStore((state) => state.hydrate);
  const hydrated = useChatStore((state) => state.hydrated);
  const storageError = useChatStore((state) => state.storageError);
  const [settingsOpen, setSettingsOpen] = useState(false);
  const [sidebarOpen, setSidebarOpen] = useState(false);

  useEffect(() => {
    void hydrate();
    const onHide = () => flushPendingWrites();
    window.addEventListener('pagehide', onHide);
    document.addEventListener('visibilitychange', onHide);
    return () => {
      window.removeEventListener('pagehide', onHide);
      document.removeEventListener('visibilitychange', onHide);
    };
  }, [hydrate]);

  const config = configState.status === 'ready' ? configState.config : undefined;
  const providerModels = useModelCatalog(config);
  const endpointModels = useEndpointModels(!config?.userKeysDisabled);
  const models = useMemo(
    () => [...providerModels, ...endpointModels],
    [providerModels, endpointModels],
  );
  const model = useCurrentModel(config, models);

  return (
    <div className="flex h-dvh overflow-hidden">
      <ConversationSidebar open={sidebarOpen} onClose={() => setSidebarOpen(false)} />
      <main className="flex min-w-0 flex-1 flex-col">
        <ChatHeader
          config={config}
          models={models}
          model={model}
          onOpenSettings={() => setSettingsOpen(true)}
          onOpenSidebar={() => setSidebarOpen(true)}
        />
        {storageError && (
          <p
            role="status"
            className="bg-amber-100 px-4 py-2 text-sm text-amber-900 dark:bg-amber-900/40 dark:text-amber-100"
          >
            {t('storageError')}
          </p>
        )}
        {configState.status === 'error' && (
          <div className="px-4 pt-4">
            <ErrorNotice error={{ code: configState.error.code }} />
          </div>
        )}
        {!hydrated || configState.status === 'loading' ? (
          <p className="flex flex-1 items-center justify-center text-zinc-500">{t('loading')}</p>
        ) : (
          <ChatBody userKeysAllowed={!config?.userKeysDisabled} models={models} model={model} />
        )}
      </main>
      {settingsOpen && <SettingsDialog config={config} onClose={() => setSettingsOpen(false)} />}
    </div>
  );
}

interface ChatBodyProps {
  userKeysAllowed: boolean;
  models: readonly CatalogModel[];
  model: string | undefined;
}

function ChatBody({ userKeysAllowed, models, model }: ChatBodyProps) {
  const activeId = useChatStore((state) => state.activeId);
  const conversation = useChatStore((state) =>
    activeId ? state.conversations[activeId] : undefined,
  );
  const startConversation = useChatStore((state) => state.startConversation);
  const draftParameters = useSettingsStore((state) => state.draftParameters);
  const streaming =
    conversation?.messages.some((message) => message.status === 'streaming') ?? false;

  const submit = (text: string) => {
    if (!model) return;
    const id = conversation?.id ?? startConversation(model, draftParameters);
    void sendMessage(id, text, findModel(models, model), { userKeysAllowed });
  };

  return (
    <>
      {conversation && conversation.messages.length > 0 ? (
        <MessageList conversation={conversation} />
      ) : (
        <EmptyState hasModels={models.length > 0} />
      )}
      <Composer
        modelLabel={model && modelLabel(models, model)}
        streaming={streaming}
        onSubmit={submit}
        onStop={() => conversation && stopStreaming(conversation.id)}
      />
    </>
  );
}
