import { describe, expect, it } from 'vitest';
import { toCatalogModel } from './catalog-model';

describe('capabilities in the catalog', () => {
  it('lets router meta-models take images and tools, whatever their list entry lacks', () => {
    for (const [provider, id] of [
      ['orcarouter', 'orcarouter/auto'],
      ['openrouter', 'openrouter/auto'],
    ] as const) {
      const model = toCatalogModel(provider, 'openai', { id }, true);
      expect(model).toMatchObject({ vision: true, acceptsImages: true, tools: true });
      const textOnly = toCatalogModel(provider, 'openai', { id, inputModalities: ['text'] }, true);
      expect(textOnly.acceptsImages).toBe(true);
    }
  });

  it('never blocks images on missing data, only on what the provider says', () => {
    const unknown = toCatalogModel('openai-compatible', 'openai', { id: 'my-lab-model' }, false);
    expect(unknown).toMatchObject({ vision: false, acceptsImages: true });
    const listedTextOnly = toCatalogModel(
      'openrouter',
      'openai',
      { id: 'deepseek/deepseek-r1', inputModalities: ['text'] },
      false,
    );
    expect(listedTextOnly.acceptsImages).toBe(false);
    const documentedTextOnly = toCatalogModel(
      'deepseek',
      'openai',
      { id: 'deepseek-reasoner' },
      true,
    );
    expect(documentedTextOnly.acceptsImages).toBe(false);
  });
});
