import { splitProviderPrefix } from './model-ref';

/**
 * Who made a model, as opposed to the provider that routes it: `openai/gpt-5.1` is an OpenAI
 * model whether it comes from OpenAI, Azure, OpenRouter or OrcaRouter. The picker shows the
 * maker's icon and badges it with the provider (DESIGN "Models" → Icons).
 *
 * `openrouter` and `orcarouter` are not makers: they mark the routers' own meta-models
 * (`openrouter/auto`, `orcarouter/fusion`), which pick a real model per request.
 */
export type Vendor =
  | 'openai'
  | 'anthropic'
  | 'google'
  | 'meta'
  | 'mistral'
  | 'qwen'
  | 'deepseek'
  | 'xai'
  | 'moonshot'
  | 'zhipu'
  | 'minimax'
  | 'cohere'
  | 'microsoft'
  | 'nvidia'
  | 'amazon'
  | 'perplexity'
  | 'nousresearch'
  | 'ai21'
  | 'baidu'
  | 'bytedance'
  | 'tencent'
  | 'stepfun'
  | 'yi'
  | 'ibm'
  | 'ai2'
  | 'liquid'
  | 'inception'
  | 'arcee'
  | 'deepcogito'
  | 'inflection'
  | 'reka'
  | 'baichuan'
  | 'internlm'
  | 'openrouter'
  | 'orcarouter';

const vendorNames: Record<Vendor, string> = {
  openai: 'OpenAI',
  anthropic: 'Anthropic',
  google: 'Google',
  meta: 'Meta',
  mistral: 'Mistral AI',
  qwen: 'Qwen',
  deepseek: 'DeepSeek',
  xai: 'xAI',
  moonshot: 'Moonshot AI',
  zhipu: 'Zhipu AI',
  minimax: 'MiniMax',
  cohere: 'Cohere',
  microsoft: 'Microsoft',
  nvidia: 'NVIDIA',
  amazon: 'Amazon',
  perplexity: 'Perplexity',
  nousresearch: 'Nous Research',
  ai21: 'AI21 Labs',
  baidu: 'Baidu',
  bytedance: 'ByteDance',
  tencent: 'Tencent',
  stepfun: 'StepFun',
  yi: '01.AI',
  ibm: 'IBM',
  ai2: 'Ai2',
  liquid: 'Liquid AI',
  inception: 'Inception',
  arcee: 'Arcee AI',
  deepcogito: 'Deep Cogito',
  inflection: 'Inflection AI',
  reka: 'Reka',
  baichuan: 'Baichuan',
  internlm: 'InternLM',
  openrouter: 'OpenRouter',
  orcarouter: 'OrcaRouter',
};

export function vendorName(vendor: Vendor): string {
  return vendorNames[vendor];
}

/**
 * Namespaces as the routers (OpenRouter, OrcaRouter) and Hugging Face write them. A namespace
 * is the maker's own word for itself, so it beats any guess from the name: `nvidia/llama-…`
 * is NVIDIA's fine-tune, not Meta's model. A Map, so an id like `constructor/x` finds nothing.
 */
const namespaceVendors = new Map<string, Vendor>(
  Object.entries({
    openai: 'openai',
    anthropic: 'anthropic',
    google: 'google',
    'meta-llama': 'meta',
    meta: 'meta',
    facebook: 'meta',
    mistralai: 'mistral',
    mistral: 'mistral',
    qwen: 'qwen',
    // Tongyi DeepResearch is Alibaba's, from the team behind Qwen.
    alibaba: 'qwen',
    deepseek: 'deepseek',
    'deepseek-ai': 'deepseek',
    'x-ai': 'xai',
    xai: 'xai',
    moonshotai: 'moonshot',
    moonshot: 'moonshot',
    'z-ai': 'zhipu',
    zhipuai: 'zhipu',
    thudm: 'zhipu',
    minimax: 'minimax',
    cohere: 'cohere',
    coherelabs: 'cohere',
    microsoft: 'microsoft',
    nvidia: 'nvidia',
    amazon: 'amazon',
    perplexity: 'perplexity',
    nousresearch: 'nousresearch',
    ai21: 'ai21',
    baidu: 'baidu',
    bytedance: 'bytedance',
    'bytedance-seed': 'bytedance',
    tencent: 'tencent',
    'stepfun-ai': 'stepfun',
    stepfun: 'stepfun',
    '01-ai': 'yi',
    'ibm-granite': 'ibm',
    ibm: 'ibm',
    allenai: 'ai2',
    liquid: 'liquid',
    liquidai: 'liquid',
    inception: 'inception',
    'arcee-ai': 'arcee',
    deepcogito: 'deepcogito',
    inflection: 'inflection',
    rekaai: 'reka',
    baichuan: 'baichuan',
    'baichuan-inc': 'baichuan',
    internlm: 'internlm',
    openrouter: 'openrouter',
    orcarouter: 'orcarouter',
  } satisfies Record<string, Vendor>),
);

/**
 * Bare names, for the first-party APIs and Ollama, which list ids without a namespace. Tried in
 * order on the start of the name; NVIDIA's Nemotron comes first because its bare names start
 * with `llama-3.1-nemotron`.
 */
const namePatterns: ReadonlyArray<readonly [RegExp, Vendor]> = [
  [/nemotron/, 'nvidia'],
  [
    /^(?:gpt|chatgpt-|o\d(?:$|[-:])|codex|text-embedding-|dall-e|whisper|tts-|omni-moderation|sora)/,
    'openai',
  ],
  [/^claude/, 'anthropic'],
  [/^(?:gemini|(?:code|med|shield|pali)?gemma|learnlm|palm|imagen|veo)/, 'google'],
  [/^grok/, 'xai'],
  [/^deepseek/, 'deepseek'],
  [/^(?:code)?llama/, 'meta'],
  [
    /^(?:open-)?(?:mistral|mixtral|codestral|pixtral|ministral|magistral|devstral|voxtral|mathstral)/,
    'mistral',
  ],
  [/^(?:qwen|qwq|qvq)/, 'qwen'],
  [/^(?:kimi|moonshot)/, 'moonshot'],
  [/^(?:glm|chatglm|codegeex)/, 'zhipu'],
  [/^(?:minimax|abab)/, 'minimax'],
  [/^(?:command|c4ai-|aya)/, 'cohere'],
  [/^(?:phi-?\d|wizardlm)/, 'microsoft'],
  [/^(?:nova-|amazon|titan-)/, 'amazon'],
  [/^(?:sonar|pplx-|r1-1776)/, 'perplexity'],
  [/^(?:nous-|hermes|deephermes)/, 'nousresearch'],
  [/^jamba/, 'ai21'],
  [/^ernie/, 'baidu'],
  [/^(?:doubao|seed-|ui-tars)/, 'bytedance'],
  [/^hunyuan/, 'tencent'],
  [/^step-?\d/, 'stepfun'],
  [/^yi(?:$|[-:\d])/, 'yi'],
  [/^granite/, 'ibm'],
  [/^(?:olmo|molmo|tulu)/, 'ai2'],
  [/^lfm/, 'liquid'],
  [/^mercury/, 'inception'],
  [/^cogito/, 'deepcogito'],
  [/^reka/, 'reka'],
  [/^baichuan/, 'baichuan'],
  [/^intern(?:lm|vl)/, 'internlm'],
];

/**
 * The maker of a model, from its id as any provider lists it: `anthropic/claude-opus-4.7`,
 * `claude-sonnet-4-5-20250929`, `ollama:qwen3:32b`, `models/gemini-2.5-pro`. Undefined when
 * unknown (an Azure deployment name, a community fine-tune), so the caller draws a neutral mark.
 */
export function vendorOf(modelId: string): Vendor | undefined {
  const id = splitProviderPrefix(modelId.trim().toLowerCase()).model;
  const slash = id.indexOf('/');
  if (slash > 0) {
    // OpenRouter's `~anthropic/claude-sonnet-latest` aliases carry a tilde before the maker.
    const namespace = id.slice(0, slash).replace(/^~/, '');
    const vendor = namespaceVendors.get(namespace);
    if (vendor) return vendor;
  }
  const name = id.slice(id.lastIndexOf('/') + 1);
  return namePatterns.find(([pattern]) => pattern.test(name))?.[1];
}
