'use client';

import { useTranslations } from 'next-intl';
import { lazy, Suspense, useCallback, useEffect, useMemo, useState } from 'react';
import { preloadMarkdown } from '@/components/markdown/markdown-view';
import { preloadModelPicker } from '@/components/models/model-picker';
import { sendMessage } from '@/lib/chat/chat-actions';
import { isStreaming, preloadStreaming, stopStreaming } from '@/lib/chat/stream-answer';
import { useCurrentModel } from '@/lib/chat/use-current-model';
import { useEndpointModels } from '@/lib/chat/use-endpoint-models';
import { useKeyboardShortcuts } from '@/lib/chat/use-keyboard-shortcuts';
import { useModelCatalog } from '@/lib/chat/use-model-catalog';
import { splitByAccess, type CodeState } from '@/lib/chat/provider-access';
import type { PublicConfig } from '@/lib/config/public-config';
import { usePublicConfig } from '@/lib/chat/use-public-config';
import type { CatalogModel } from '@/lib/models/catalog-model';
import { findModel, modelLabel } from '@/lib/models/model-choice';
import { flushPendingWrites, useChatStore } from '@/lib/store/chat-store';
import type { StoredImage } from '@/lib/store/chat-types';
import { useSettingsStore } from '@/lib/store/settings-store';
import { ChatContextProvider } from './chat-context';
import { ChatHeader } from './chat-header';
import { Composer, composerInputId } from './composer';
import { ConnectionNotice } from './connection-notice';
import { ConversationSidebar, sidebarSearchId } from './conversation-sidebar';
import { EmptyState } from './empty-state';
import { FirstRun } from './first-run';
import { MessageList } from './message-list';
import { ShortcutsSheet } from './shortcuts-sheet';
import { StorageBanner } from './storage-banner';
import { SyncOffer } from './sync-offer';
import { useSync } from '@/lib/sync/use-sync';

/** Settings are not part of the first load: fetched when the page is idle, or when opened. */
const loadSettingsDialog = () => import('@/components/settings/settings-dialog');
const SettingsDialog = lazy(() =>
  loadSettingsDialog().then((module) => ({ default: module.SettingsDialog })),
);

/** What the first screen does not need, fetched once the page is idle (and so also offline). */
function preloadAfterFirstScreen(): () => void {
  const preload = () => {
    preloadMarkdown();
    preloadModelPicker();
    preloadStreaming();
    void loadSettingsDialog();
  };
  if (typeof requestIdleCallback !== 'function') {
    const timer = setTimeout(preload, 1000);
    return () => clearTimeout(timer);
  }
  const handle = requestIdleCallback(preload, { timeout: 3000 });
  return () => cancelIdleCallback(handle);
}

export function ChatApp() {
  const t = useTranslations('App');
  const configState = usePublicConfig();
  const hydrate = useChatStore((state) => state.hydrate);
  const hydrated = useChatStore((state) => state.hydrated);
  const activeId = useChatStore((state) => state.activeId);
  const selectConversation = useChatStore((state) => state.selectConversation);
  const [settingsOpen, setSettingsOpen] = useState(false);
  const [sidebarOpen, setSidebarOpen] = useState(false);
  const [shortcutsOpen, setShortcutsOpen] = useState(false);

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
  const firstScreenDrawn = hydrated && configState.status !== 'loading';
  useEffect(() => (firstScreenDrawn ? preloadAfterFirstScreen() : undefined), [firstScreenDrawn]);
  const userKeysAllowed = !config?.userKeysDisabled;
  const { models: providerModels, codeState } = useModelCatalog(config);
  const endpointModels = useEndpointModels(userKeysAllowed);
  const models = useMemo(
    () => [...providerModels, ...endpointModels],
    [providerModels, endpointModels],
  );
  const providerSettings = useSettingsStore((state) => state.providerSettings);
  const customEndpoints = useSettingsStore((state) => state.customEndpoints);
  // What this person can use now comes first; the rest waits for a code or a key.
  const access = useMemo(
    () => splitByAccess(models, config, { providerSettings, customEndpoints }, codeState),
    [models, config, providerSettings, customEndpoints, codeState],
  );
  const model = useCurrentModel(config, access.usable);
  const openSettings = useCallback(() => setSettingsOpen(true), []);
  const closeSidebar = useCallback(() => setSidebarOpen(false), []);

  const shortcuts = useMemo(
    () => ({
      newChat: () => selectConversation(undefined),
      focusComposer: () => document.getElementById(composerInputId)?.focus(),
      stop: () => activeId && isStreaming(activeId) && stopStreaming(activeId),
      search: () => {
        setSidebarOpen(true);
        document.getElementById(sidebarSearchId)?.focus();
      },
      showShortcuts: () => setShortcutsOpen(true),
    }),
    [activeId, selectConversation],
  );
  useKeyboardShortcuts(shortcuts);
  useSync();

  return (
    <ChatContextProvider
      value={{ models, userKeysAllowed, openSettings, providers: config?.providers ?? [] }}
    >
      <div className="flex h-dvh overflow-hidden">
        <ConversationSidebar open={sidebarOpen} onClose={closeSidebar} />
        <main className="flex min-w-0 flex-1 flex-col">
          <ChatHeader
            config={config}
            models={models}
            access={access}
            model={model}
            onOpenSettings={openSettings}
            onOpenSidebar={() => setSidebarOpen(true)}
            onOpenShortcuts={() => setShortcutsOpen(true)}
          />
          <StorageBanner />
          <SyncOffer />
          <ConnectionNotice
            configError={configState.status === 'error' ? configState.error : undefined}
          />
          {!hydrated || configState.status === 'loading' ? (
            <p className="flex flex-1 items-center justify-center text-zinc-500">{t('loading')}</p>
          ) : (
            <ChatBody
              config={config}
              codeState={codeState}
              userKeysAllowed={userKeysAllowed}
              models={models}
              usable={access.usable.length > 0}
              model={model}
              onOpenSettings={openSettings}
            />
          )}
        </main>
        {settingsOpen && (
          <Suspense fallback={null}>
            <SettingsDialog
              config={config}
              models={models}
              onClose={() => setSettingsOpen(false)}
            />
          </Suspense>
        )}
        <ShortcutsSheet open={shortcutsOpen} onClose={() => setShortcutsOpen(false)} />
      </div>
    </ChatContextProvider>
  );
}

interface ChatBodyProps {
  config: PublicConfig | undefined;
  codeState: CodeState;
  userKeysAllowed: boolean;
  models: readonly CatalogModel[];
  /** Some model can be used now; without one, a new chat starts on the first-run step. */
  usable: boolean;
  model: string | undefined;
  onOpenSettings: () => void;
}

function ChatBody({
  config,
  codeState,
  userKeysAllowed,
  models,
  usable,
  model,
  onOpenSettings,
}: ChatBodyProps) {
  const activeId = useChatStore((state) => state.activeId);
  const conversation = useChatStore((state) =>
    activeId ? state.conversations[activeId] : undefined,
  );
  const startConversation = useChatStore((state) => state.startConversation);
  const draftParameters = useSettingsStore((state) => state.draftParameters);
  const draftSystemPrompt = useSettingsStore((state) => state.draftSystemPrompt);
  const streaming =
    conversation?.messages.some((message) => message.status === 'streaming') ?? false;
  const catalogModel = findModel(models, model);

  const submit = (text: string, images: StoredImage[]) => {
    if (!model) return;
    const id = conversation?.id ?? startConversation(model, draftParameters, draftSystemPrompt);
    return sendMessage(id, text, images, {
      model: catalogModel,
      userKeysAllowed,
      providers: config?.providers,
    });
  };

  return (
    <>
      {conversation && conversation.messages.length > 0 ? (
        // Keyed: another conversation opens at its end, with its own reading position.
        <MessageList key={conversation.id} conversation={conversation} />
      ) : !usable && config ? (
        <FirstRun config={config} codeState={codeState} onOpenSettings={onOpenSettings} />
      ) : (
        <EmptyState hasModels={models.length > 0} />
      )}
      <Composer
        modelLabel={model && modelLabel(models, model)}
        acceptsImages={catalogModel?.acceptsImages ?? true}
        streaming={streaming}
        onSubmit={submit}
        onStop={() => conversation && stopStreaming(conversation.id)}
      />
    </>
  );
}
