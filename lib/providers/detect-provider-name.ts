/** Well-known OpenAI-compatible hosts, so an endpoint gets a recognisable name without configuration. */
const knownHosts: ReadonlyArray<readonly [suffix: string, name: string]> = [
  ['together.xyz', 'Together AI'],
  ['together.ai', 'Together AI'],
  ['groq.com', 'Groq'],
  ['fireworks.ai', 'Fireworks AI'],
  ['mistral.ai', 'Mistral AI'],
  ['perplexity.ai', 'Perplexity'],
  ['cerebras.ai', 'Cerebras'],
  ['deepinfra.com', 'DeepInfra'],
  ['siliconflow.cn', 'SiliconFlow'],
  ['siliconflow.com', 'SiliconFlow'],
  ['moonshot.cn', 'Moonshot AI'],
  ['moonshot.ai', 'Moonshot AI'],
  ['dashscope.aliyuncs.com', 'Alibaba Cloud Model Studio'],
  ['bigmodel.cn', 'Zhipu AI'],
  ['nvidia.com', 'NVIDIA NIM'],
  ['x.ai', 'xAI'],
  ['deepseek.com', 'DeepSeek'],
  ['openai.azure.com', 'Azure OpenAI'],
];

/**
 * "https://api.together.xyz/v1" → "Together AI". An unknown host gets no name: the name is shown
 * to every visitor, and an internal host name or address is not theirs to see.
 */
export function detectProviderName(baseUrl: string): string | undefined {
  let host: string;
  try {
    host = new URL(baseUrl).hostname.toLowerCase();
  } catch {
    return undefined;
  }
  for (const [suffix, name] of knownHosts) {
    if (host === suffix || host.endsWith(`.${suffix}`)) return name;
  }
  return undefined;
}
