import type { ProviderId } from './registry';

/**
 * Hosts people point an OpenAI-compatible endpoint at, recognised by host name: one table for the
 * name shown, the icon drawn and the behaviour. An endpoint on a router's host behaves as that
 * router (its attribution, its routing fields) wherever it was configured: as the generic
 * provider, or as a person's own endpoint.
 */
export interface KnownHost {
  /** The host itself or any subdomain of it. */
  suffix: string;
  name: string;
  /** A key of the icons the model icon draws for hosts. */
  icon?: string;
  /** The provider whose behaviour an endpoint on this host takes. */
  behavesAs?: ProviderId;
}

export const knownHosts: readonly KnownHost[] = [
  { suffix: 'openrouter.ai', name: 'OpenRouter', icon: 'openrouter', behavesAs: 'openrouter' },
  { suffix: 'orcarouter.ai', name: 'OrcaRouter', icon: 'orcarouter', behavesAs: 'orcarouter' },
  { suffix: 'api.openai.com', name: 'OpenAI', icon: 'openai', behavesAs: 'openai' },
  { suffix: 'openai.azure.com', name: 'Azure OpenAI', icon: 'azure', behavesAs: 'azure' },
  { suffix: 'services.ai.azure.com', name: 'Azure OpenAI', icon: 'azure', behavesAs: 'azure' },
  {
    suffix: 'cognitiveservices.azure.com',
    name: 'Azure OpenAI',
    icon: 'azure',
    behavesAs: 'azure',
  },
  { suffix: 'together.xyz', name: 'Together AI', icon: 'together' },
  { suffix: 'together.ai', name: 'Together AI', icon: 'together' },
  { suffix: 'groq.com', name: 'Groq', icon: 'groq' },
  { suffix: 'fireworks.ai', name: 'Fireworks AI', icon: 'fireworks' },
  { suffix: 'mistral.ai', name: 'Mistral AI', icon: 'mistral' },
  { suffix: 'perplexity.ai', name: 'Perplexity', icon: 'perplexity' },
  { suffix: 'cerebras.ai', name: 'Cerebras', icon: 'cerebras' },
  { suffix: 'deepinfra.com', name: 'DeepInfra', icon: 'deepinfra' },
  { suffix: 'huggingface.co', name: 'Hugging Face', icon: 'huggingface' },
  { suffix: 'siliconflow.cn', name: 'SiliconFlow', icon: 'siliconflow' },
  { suffix: 'siliconflow.com', name: 'SiliconFlow', icon: 'siliconflow' },
  { suffix: 'moonshot.cn', name: 'Moonshot AI' },
  { suffix: 'moonshot.ai', name: 'Moonshot AI' },
  { suffix: 'dashscope.aliyuncs.com', name: 'Alibaba Cloud Model Studio' },
  { suffix: 'bigmodel.cn', name: 'Zhipu AI' },
  { suffix: 'nvidia.com', name: 'NVIDIA NIM' },
  { suffix: 'x.ai', name: 'xAI', behavesAs: 'xai' },
  { suffix: 'deepseek.com', name: 'DeepSeek', behavesAs: 'deepseek' },
];

/** The table's entry for an address's host, if it is a known one. */
export function knownHost(baseUrl: string): KnownHost | undefined {
  let host: string;
  try {
    host = new URL(baseUrl).hostname.toLowerCase();
  } catch {
    return undefined;
  }
  return knownHosts.find(({ suffix }) => host === suffix || host.endsWith(`.${suffix}`));
}
