import { describe, expect, it } from 'vitest';
import { fuzzyScore, rankByFuzzy } from './fuzzy-match';

const models = [
  { id: 'anthropic/claude-opus-4.1', name: 'Anthropic: Claude Opus 4.1' },
  { id: 'anthropic/claude-sonnet-4.5', name: 'Anthropic: Claude Sonnet 4.5' },
  { id: 'anthropic/claude-opus-4.7', name: 'Anthropic: Claude Opus 4.7' },
  { id: 'openai/gpt-5.1', name: 'OpenAI: GPT-5.1' },
  { id: 'openai/gpt-4o-mini', name: 'OpenAI: GPT-4o mini' },
  { id: 'deepseek/deepseek-r1', name: 'DeepSeek: R1' },
  { id: 'google/gemini-2.5-pro', name: 'Google: Gemini 2.5 Pro' },
];

const rank = (query: string) =>
  rankByFuzzy(models, query, (model) => [model.id, model.name], 100).map((model) => model.id);

describe('fuzzyScore', () => {
  it('matches a subsequence, ignoring case', () => {
    expect(fuzzyScore('cop47', 'claude-opus-4.7')).toBeDefined();
    expect(fuzzyScore('GPT', 'openai/gpt-5.1')).toBeDefined();
  });

  it('does not match characters out of order or missing', () => {
    expect(fuzzyScore('74supo', 'claude-opus-4.7')).toBeUndefined();
    expect(fuzzyScore('opus48', 'claude-opus-4.7')).toBeUndefined();
  });

  it('matches every word of the query, in any order', () => {
    expect(fuzzyScore('cl op', 'claude-opus-4.7')).toBeDefined();
    expect(fuzzyScore('op cl', 'claude-opus-4.7')).toBeDefined();
    expect(fuzzyScore('cl xyz', 'claude-opus-4.7')).toBeUndefined();
  });

  it('treats an empty query as matching everything equally', () => {
    expect(fuzzyScore('', 'anything')).toBe(0);
    expect(fuzzyScore('   ', 'anything')).toBe(0);
  });

  it('starts each word of the query at a word start, or takes it whole from inside a word', () => {
    expect(fuzzyScore('cl op', 'mock/fail-primary')).toBeUndefined();
    expect(fuzzyScore('pus', 'claude-opus')).toBeDefined();
    expect(fuzzyScore('pro', 'gemini-pro') ?? 0).toBeGreaterThan(
      fuzzyScore('pro', 'gemini-xpro') ?? 0,
    );
  });

  it('prefers word starts and runs over scattered matches', () => {
    const wordStarts = fuzzyScore('gp', 'openai/gpt-5.1') ?? 0;
    const scattered = fuzzyScore('gp', 'openai/gxxp') ?? 0;
    expect(wordStarts).toBeGreaterThan(scattered);
    const run = fuzzyScore('opus', 'claude-opus') ?? 0;
    const spread = fuzzyScore('opus', 'claude-oxpxuxs') ?? 0;
    expect(run).toBeGreaterThan(spread);
  });

  it('finds the best alignment, not the first one', () => {
    // A greedy match would take the `d` of `claude` and miss `deepseek` as a word.
    const best = fuzzyScore('ds', 'claude-deepseek') ?? 0;
    const greedyOnly = fuzzyScore('ds', 'claudes') ?? 0;
    expect(best).toBeGreaterThan(greedyOnly);
  });

  it('counts camelCase and digit boundaries as word starts', () => {
    expect(fuzzyScore('ds', 'DeepSeek') ?? 0).toBeGreaterThan(fuzzyScore('ds', 'Deepseek') ?? 0);
    expect(fuzzyScore('g4', 'gpt4o') ?? 0).toBeGreaterThan(fuzzyScore('gt', 'gpt4o') ?? 0);
  });
});

describe('rankByFuzzy', () => {
  it.each([
    ['opus47', 'anthropic/claude-opus-4.7'],
    ['cl op', 'anthropic/claude-opus-4.1'],
    ['gpt5', 'openai/gpt-5.1'],
    ['4o mini', 'openai/gpt-4o-mini'],
    ['r1', 'deepseek/deepseek-r1'],
    ['gem pro', 'google/gemini-2.5-pro'],
  ])('puts the model a user means first for %j', (query, expected) => {
    expect(rank(query)[0]).toBe(expected);
  });

  it('finds Claude Opus 4.7 by its version only among the Opus models', () => {
    expect(rank('opus47')).toEqual(['anthropic/claude-opus-4.7']);
  });

  it('keeps the input order for ties and drops what does not match', () => {
    expect(rank('sonnet')).toEqual(['anthropic/claude-sonnet-4.5']);
    expect(rank('')).toEqual(models.map((model) => model.id));
  });

  it('stops at the limit', () => {
    expect(rankByFuzzy(models, 'a', (model) => [model.id], 2)).toHaveLength(2);
  });

  it('skips missing texts', () => {
    const items = [{ id: 'x-model', name: undefined }];
    expect(rankByFuzzy(items, 'xm', (item) => [item.id, item.name], 10)).toEqual(items);
  });
});
