import { describe, expect, it } from 'vitest';
import { vendorName, vendorOf, type Vendor } from './vendor';

describe('vendorOf', () => {
  // Ids as the providers list them (OpenRouter and OrcaRouter namespaced, first-party APIs and
  // Ollama bare), so the picker shows the right maker whichever provider routes a model.
  it.each<[string, Vendor | undefined]>([
    // OpenRouter / OrcaRouter namespaces
    ['anthropic/claude-opus-4.7', 'anthropic'],
    ['anthropic/claude-3.7-sonnet:thinking', 'anthropic'],
    ['anthropic/claude-opus-4.6-high', 'anthropic'],
    ['openai/gpt-5.1', 'openai'],
    ['openai/o4-mini-high', 'openai'],
    ['openai/gpt-oss-120b', 'openai'],
    ['google/gemini-2.5-pro', 'google'],
    ['google/gemini-2.5-flash-image-preview', 'google'],
    ['google/gemma-3-27b-it', 'google'],
    ['x-ai/grok-4', 'xai'],
    ['x-ai/grok-code-fast-1', 'xai'],
    ['meta-llama/llama-3.3-70b-instruct:free', 'meta'],
    ['meta-llama/llama-4-maverick', 'meta'],
    ['mistralai/mistral-large-2411', 'mistral'],
    ['mistralai/codestral-2508', 'mistral'],
    ['mistralai/devstral-medium', 'mistral'],
    ['qwen/qwen3-235b-a22b', 'qwen'],
    ['qwen/qwen3-coder:free', 'qwen'],
    ['alibaba/tongyi-deepresearch-30b-a3b', 'qwen'],
    ['moonshotai/kimi-k2', 'moonshot'],
    ['moonshotai/kimi-k2-thinking', 'moonshot'],
    ['z-ai/glm-4.6', 'zhipu'],
    ['thudm/glm-4.1v-9b-thinking', 'zhipu'],
    ['minimax/minimax-m2', 'minimax'],
    ['deepseek/deepseek-r1', 'deepseek'],
    ['deepseek/deepseek-chat-v3.1:free', 'deepseek'],
    ['cohere/command-r-plus', 'cohere'],
    ['cohere/command-a', 'cohere'],
    ['microsoft/phi-4', 'microsoft'],
    ['microsoft/wizardlm-2-8x22b', 'microsoft'],
    ['nvidia/llama-3.1-nemotron-70b-instruct', 'nvidia'],
    ['nvidia/nemotron-nano-9b-v2', 'nvidia'],
    ['amazon/nova-pro-v1', 'amazon'],
    ['perplexity/sonar-reasoning-pro', 'perplexity'],
    ['nousresearch/hermes-4-405b', 'nousresearch'],
    ['ai21/jamba-large-1.7', 'ai21'],
    ['baidu/ernie-4.5-300b-a47b', 'baidu'],
    ['bytedance/ui-tars-1.5-7b', 'bytedance'],
    ['tencent/hunyuan-a13b-instruct', 'tencent'],
    ['ibm-granite/granite-4.0-h-micro', 'ibm'],
    ['allenai/olmo-2-0325-32b-instruct', 'ai2'],
    ['liquid/lfm-3b', 'liquid'],
    ['inception/mercury-coder', 'inception'],
    ['arcee-ai/virtuoso-large', 'arcee'],
    ['deepcogito/cogito-v2-preview-llama-109b-moe', 'deepcogito'],
    ['~anthropic/claude-sonnet-latest', 'anthropic'],
    // The routers' own meta-models
    ['openrouter/auto', 'openrouter'],
    ['orcarouter/auto', 'orcarouter'],
    ['orcarouter/fusion-flash', 'orcarouter'],
    // OpenAI
    ['gpt-5.1', 'openai'],
    ['gpt-5-mini', 'openai'],
    ['gpt-4.1-mini', 'openai'],
    ['gpt-4o-2024-08-06', 'openai'],
    ['chatgpt-4o-latest', 'openai'],
    ['o1', 'openai'],
    ['o3', 'openai'],
    ['o3-mini', 'openai'],
    ['o4-mini', 'openai'],
    ['codex-mini-latest', 'openai'],
    ['text-embedding-3-small', 'openai'],
    // Anthropic
    ['claude-opus-4-7', 'anthropic'],
    ['claude-sonnet-4-5-20250929', 'anthropic'],
    ['claude-3-5-haiku-latest', 'anthropic'],
    // Google (its list writes `models/…`, which is no maker)
    ['gemini-2.5-pro', 'google'],
    ['gemini-3-pro-preview', 'google'],
    ['models/gemini-2.5-flash', 'google'],
    ['gemma-3n-e4b-it', 'google'],
    // DeepSeek
    ['deepseek-chat', 'deepseek'],
    ['deepseek-reasoner', 'deepseek'],
    // xAI
    ['grok-4', 'xai'],
    ['grok-3-mini', 'xai'],
    // Ollama tags
    ['llama3.2:latest', 'meta'],
    ['llama3.3:70b', 'meta'],
    ['codellama:7b', 'meta'],
    ['qwen3:32b', 'qwen'],
    ['qwen2.5-coder:7b', 'qwen'],
    ['qwq:latest', 'qwen'],
    ['deepseek-r1:14b', 'deepseek'],
    ['gemma3:27b', 'google'],
    ['gpt-oss:20b', 'openai'],
    ['mistral:7b', 'mistral'],
    ['mixtral:8x7b', 'mistral'],
    ['mistral-nemo:12b', 'mistral'],
    ['phi4:14b', 'microsoft'],
    ['phi3:mini', 'microsoft'],
    ['command-r:35b', 'cohere'],
    ['aya-expanse:8b', 'cohere'],
    ['granite3.3:8b', 'ibm'],
    ['hermes3:8b', 'nousresearch'],
    ['nemotron-mini:4b', 'nvidia'],
    ['glm4:9b', 'zhipu'],
    ['kimi-k2:1t-cloud', 'moonshot'],
    ['minimax-m2:cloud', 'minimax'],
    ['yi:34b', 'yi'],
    ['cogito:14b', 'deepcogito'],
    ['olmo2:13b', 'ai2'],
    // Other first-party names
    ['kimi-k2-0905-preview', 'moonshot'],
    ['moonshot-v1-8k', 'moonshot'],
    ['glm-4.6', 'zhipu'],
    ['abab6.5s-chat', 'minimax'],
    ['MiniMax-M2', 'minimax'],
    ['command-a-03-2025', 'cohere'],
    ['pixtral-large-latest', 'mistral'],
    ['codestral-latest', 'mistral'],
    ['sonar-pro', 'perplexity'],
    ['amazon.nova-pro-v1:0', 'amazon'],
    ['llama-3.1-nemotron-70b-instruct', 'nvidia'],
    // Case and a `provider:` prefix do not matter
    ['Claude-Opus-4-7', 'anthropic'],
    ['GPT-4.1', 'openai'],
    ['ollama:llama3.2:latest', 'meta'],
    ['openrouter:x-ai/grok-4', 'xai'],
    ['orcarouter:orcarouter/auto', 'orcarouter'],
    ['  anthropic/claude-haiku-4.5  ', 'anthropic'],
    // Unknown makers fall back to a neutral mark
    ['my-gpt4-deployment', undefined],
    ['llava:7b', undefined],
    ['nomic-embed-text:latest', undefined],
    ['dolphin-mixtral:8x7b', undefined],
    ['someone/custom-model', undefined],
    ['constructor/model', undefined],
    ['omega', undefined],
    ['', undefined],
  ])('%s → %s', (modelId, vendor) => {
    expect(vendorOf(modelId)).toBe(vendor);
  });

  it('trusts the namespace over the bare name', () => {
    // NVIDIA's Llama fine-tune and a Llama distilled by DeepSeek are credited to their makers.
    expect(vendorOf('nvidia/llama-3.3-nemotron-super-49b-v1.5')).toBe('nvidia');
    expect(vendorOf('deepseek/deepseek-r1-distill-llama-70b')).toBe('deepseek');
    expect(vendorOf('nousresearch/deephermes-3-llama-3-8b-preview')).toBe('nousresearch');
  });
});

describe('vendorName', () => {
  it.each<[Vendor, string]>([
    ['openai', 'OpenAI'],
    ['xai', 'xAI'],
    ['zhipu', 'Zhipu AI'],
    ['orcarouter', 'OrcaRouter'],
  ])('%s → %s', (vendor, name) => {
    expect(vendorName(vendor)).toBe(name);
  });
});
