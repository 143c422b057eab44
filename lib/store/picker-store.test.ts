import { beforeEach, describe, expect, it, vi } from 'vitest';
import { MemoryStorage } from '@/lib/testing/memory-storage';

const storage = new MemoryStorage();
vi.stubGlobal('localStorage', storage);
const { migratePicker, pickerDefaults, recentLimit, usePickerStore } =
  await import('./picker-store');

function stored(): unknown {
  return JSON.parse(storage.getItem('parley-picker') ?? 'null');
}

beforeEach(() => {
  storage.items.clear();
  usePickerStore.setState(pickerDefaults);
});

describe('picker store', () => {
  it('adds a favourite and removes it again', () => {
    const { toggleFavourite } = usePickerStore.getState();
    toggleFavourite('openrouter:anthropic/claude-opus-4.7');
    toggleFavourite('openai:gpt-4.1');
    expect(usePickerStore.getState().favourites).toEqual([
      'openrouter:anthropic/claude-opus-4.7',
      'openai:gpt-4.1',
    ]);
    toggleFavourite('openrouter:anthropic/claude-opus-4.7');
    expect(usePickerStore.getState().favourites).toEqual(['openai:gpt-4.1']);
  });

  it('keeps the recently used models most recent first, once each, at most eight', () => {
    const { recordUse } = usePickerStore.getState();
    for (let index = 0; index < 10; index++) recordUse(`openai:model-${index}`);
    recordUse('openai:model-5');
    const recent = usePickerStore.getState().recent;
    expect(recent).toHaveLength(recentLimit);
    expect(recent.slice(0, 3)).toEqual(['openai:model-5', 'openai:model-9', 'openai:model-8']);
    expect(new Set(recent).size).toBe(recent.length);
  });

  it('saves both lists in localStorage under its own key and version', () => {
    usePickerStore.getState().toggleFavourite('endpoint/lab:mock/model');
    usePickerStore.getState().recordUse('google:gemini-2.5-pro');
    expect(stored()).toEqual({
      state: { favourites: ['endpoint/lab:mock/model'], recent: ['google:gemini-2.5-pro'] },
      version: 1,
    });
  });

  it('reads the lists back on reload', async () => {
    storage.setItem(
      'parley-picker',
      JSON.stringify({ state: { favourites: ['xai:grok-4'], recent: ['xai:grok-4'] }, version: 1 }),
    );
    await usePickerStore.persist.rehydrate();
    expect(usePickerStore.getState().favourites).toEqual(['xai:grok-4']);
    expect(usePickerStore.getState().recent).toEqual(['xai:grok-4']);
  });

  it('migrates data stored under another version', async () => {
    storage.setItem(
      'parley-picker',
      JSON.stringify({ state: { favourites: ['openai:gpt-4.1', 3], recent: 'x' }, version: 0 }),
    );
    await usePickerStore.persist.rehydrate();
    expect(usePickerStore.getState().favourites).toEqual(['openai:gpt-4.1']);
    expect(usePickerStore.getState().recent).toEqual([]);
  });
});

describe('migratePicker', () => {
  it('survives garbage', () => {
    expect(migratePicker('garbage')).toEqual(pickerDefaults);
    expect(migratePicker(null)).toEqual(pickerDefaults);
  });

  it('drops duplicates and empty choices and caps the recent list', () => {
    const recent = Array.from({ length: 12 }, (_, index) => `openai:model-${index}`);
    const migrated = migratePicker({ favourites: ['a:b', 'a:b', ''], recent });
    expect(migrated.favourites).toEqual(['a:b']);
    expect(migrated.recent).toEqual(recent.slice(0, recentLimit));
  });
});
