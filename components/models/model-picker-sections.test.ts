import { describe, expect, it } from 'vitest';
import type { CatalogModel } from '@/lib/models/catalog-model';
import { buildSections, searchLimit, type PickerGroup } from './model-picker-sections';

function model(provider: CatalogModel['provider'], id: string, curated = true): CatalogModel {
  return {
    provider,
    id,
    reasoning: false,
    vision: false,
    acceptsImages: true,
    tools: false,
    parameters: [],
    curated,
  };
}

const openRouter: PickerGroup = {
  key: 'openrouter',
  label: 'OpenRouter',
  models: [
    model('openrouter', 'anthropic/claude-opus-4.7'),
    model('openrouter', 'openai/gpt-5.1'),
    ...Array.from({ length: 300 }, (_, index) =>
      model('openrouter', `vendor/model-${index}`, false),
    ),
  ],
};
const anthropic: PickerGroup = {
  key: 'anthropic',
  label: 'Anthropic',
  models: [model('anthropic', 'claude-opus-4-7'), model('anthropic', 'claude-haiku-4-5')],
};
const ollama: PickerGroup = {
  key: 'ollama',
  label: 'Ollama',
  models: Array.from({ length: 20 }, (_, index) => model('ollama', `local-${index}`, false)),
};

const base = {
  groups: [anthropic, openRouter, ollama],
  query: '',
  favourites: [],
  recent: [],
  expanded: new Set<string>(),
  value: undefined,
  labels: { favourites: 'Favourites', recent: 'Recently used' },
};

const ids = (models: readonly CatalogModel[]) => models.map((entry) => entry.id);

describe('buildSections', () => {
  it('shows each group curated models first, with the size "show all" reveals', () => {
    const sections = buildSections(base);
    expect(sections.map((section) => section.key)).toEqual(['anthropic', 'openrouter', 'ollama']);
    expect(sections[0]?.total).toBeUndefined();
    expect(ids(sections[1]?.models ?? [])).toEqual(['anthropic/claude-opus-4.7', 'openai/gpt-5.1']);
    expect(sections[1]?.total).toBe(302);
    // With nothing curated, a few models rather than none.
    expect(sections[2]?.models).toHaveLength(8);
    expect(sections[2]?.total).toBe(20);
  });

  it('shows a whole group once expanded', () => {
    const sections = buildSections({ ...base, expanded: new Set(['openrouter']) });
    expect(sections[1]?.models).toHaveLength(302);
    expect(sections[1]?.expanded).toBe(true);
  });

  it('keeps the chosen model in view even when it is not curated', () => {
    const sections = buildSections({ ...base, value: 'openrouter:vendor/model-250' });
    expect(ids(sections[1]?.models ?? [])).toContain('vendor/model-250');
  });

  it('puts favourites, then recently used models that are not favourites, on top', () => {
    const sections = buildSections({
      ...base,
      favourites: ['anthropic:claude-haiku-4-5', 'gone:model'],
      recent: ['openrouter:vendor/model-3', 'anthropic:claude-haiku-4-5'],
    });
    expect(sections.map((section) => section.key).slice(0, 2)).toEqual(['favourites', 'recent']);
    expect(ids(sections[0]?.models ?? [])).toEqual(['claude-haiku-4-5']);
    expect(ids(sections[1]?.models ?? [])).toEqual(['vendor/model-3']);
  });

  it('searches every model, groups the matches and orders the groups by their best match', () => {
    const sections = buildSections({ ...base, query: 'opus47', favourites: ['x:y'] });
    expect(sections.map((section) => section.key)).toEqual(['anthropic', 'openrouter']);
    expect(buildSections({ ...base, query: 'model-299' })[0]?.models[0]?.id).toBe(
      'vendor/model-299',
    );
  });

  it('caps the search results', () => {
    const sections = buildSections({ ...base, query: 'model' });
    const count = sections.reduce((total, section) => total + section.models.length, 0);
    expect(count).toBe(searchLimit);
  });
});
