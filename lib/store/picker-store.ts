import { create } from 'zustand';
import { createJSONStorage, persist } from 'zustand/middleware';

/** The model picker's memory, as model choices (`provider:model`, `endpoint/<id>:<model>`). */
export interface PersistedPicker {
  favourites: string[];
  /** Most recent first. */
  recent: string[];
}

interface PickerState extends PersistedPicker {
  toggleFavourite: (choice: string) => void;
  recordUse: (choice: string) => void;
}

/** Enough to find the last few models again without pushing the catalog off the screen. */
export const recentLimit = 8;

export const pickerDefaults: PersistedPicker = { favourites: [], recent: [] };

export const usePickerStore = create<PickerState>()(
  persist(
    (set, get) => ({
      ...pickerDefaults,
      toggleFavourite: (choice) => {
        const favourites = get().favourites;
        set({
          favourites: favourites.includes(choice)
            ? favourites.filter((favourite) => favourite !== choice)
            : [...favourites, choice],
        });
      },
      recordUse: (choice) =>
        set({
          recent: [choice, ...get().recent.filter((used) => used !== choice)].slice(0, recentLimit),
        }),
    }),
    {
      name: 'parley-picker',
      version: 1,
      storage: createJSONStorage(() => localStorage),
      partialize: (state): PersistedPicker => ({
        favourites: state.favourites,
        recent: state.recent,
      }),
      migrate: migratePicker,
    },
  ),
);

function choices(value: unknown): string[] {
  if (!Array.isArray(value)) return [];
  const strings = value.filter((item): item is string => typeof item === 'string' && item !== '');
  return [...new Set(strings)];
}

/**
 * Version 1 is the first, so this runs only for data stored under another version (hand edits,
 * a build from before the picker remembered anything): every choice that is a string is kept.
 * A later version that reshapes the lists takes zustand's `version` argument and adds its step.
 */
export function migratePicker(persisted: unknown): PersistedPicker {
  const stored: Record<string, unknown> =
    typeof persisted === 'object' && persisted !== null ? { ...persisted } : {};
  return {
    favourites: choices(stored.favourites),
    recent: choices(stored.recent).slice(0, recentLimit),
  };
}
