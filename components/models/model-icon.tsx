import type { StaticImageData } from 'next/image';
import ai2Icon from '@lobehub/icons-static-svg/icons/ai2-color.svg';
import ai21Icon from '@lobehub/icons-static-svg/icons/ai21.svg';
import arceeIcon from '@lobehub/icons-static-svg/icons/arcee-color.svg';
import azureIcon from '@lobehub/icons-static-svg/icons/azure-color.svg';
import baichuanIcon from '@lobehub/icons-static-svg/icons/baichuan-color.svg';
import baiduIcon from '@lobehub/icons-static-svg/icons/baidu-color.svg';
import bytedanceIcon from '@lobehub/icons-static-svg/icons/bytedance-color.svg';
import claudeIcon from '@lobehub/icons-static-svg/icons/claude-color.svg';
import cohereIcon from '@lobehub/icons-static-svg/icons/cohere-color.svg';
import deepcogitoIcon from '@lobehub/icons-static-svg/icons/deepcogito-color.svg';
import deepseekIcon from '@lobehub/icons-static-svg/icons/deepseek-color.svg';
import geminiIcon from '@lobehub/icons-static-svg/icons/gemini-color.svg';
import grokIcon from '@lobehub/icons-static-svg/icons/grok.svg';
import ibmIcon from '@lobehub/icons-static-svg/icons/ibm.svg';
import inceptionIcon from '@lobehub/icons-static-svg/icons/inception.svg';
import inflectionIcon from '@lobehub/icons-static-svg/icons/inflection.svg';
import internlmIcon from '@lobehub/icons-static-svg/icons/internlm-color.svg';
import kimiIcon from '@lobehub/icons-static-svg/icons/kimi-color.svg';
import liquidIcon from '@lobehub/icons-static-svg/icons/liquid.svg';
import metaIcon from '@lobehub/icons-static-svg/icons/meta-color.svg';
import microsoftIcon from '@lobehub/icons-static-svg/icons/microsoft-color.svg';
import minimaxIcon from '@lobehub/icons-static-svg/icons/minimax-color.svg';
import mistralIcon from '@lobehub/icons-static-svg/icons/mistral-color.svg';
import nousresearchIcon from '@lobehub/icons-static-svg/icons/nousresearch.svg';
import novaIcon from '@lobehub/icons-static-svg/icons/nova-color.svg';
import nvidiaIcon from '@lobehub/icons-static-svg/icons/nvidia-color.svg';
import ollamaIcon from '@lobehub/icons-static-svg/icons/ollama.svg';
import openaiIcon from '@lobehub/icons-static-svg/icons/openai.svg';
import openrouterIcon from '@lobehub/icons-static-svg/icons/openrouter.svg';
import perplexityIcon from '@lobehub/icons-static-svg/icons/perplexity-color.svg';
import qwenIcon from '@lobehub/icons-static-svg/icons/qwen-color.svg';
import rekaIcon from '@lobehub/icons-static-svg/icons/reka.svg';
import stepfunIcon from '@lobehub/icons-static-svg/icons/stepfun-color.svg';
import tencentIcon from '@lobehub/icons-static-svg/icons/tencent-color.svg';
import yiIcon from '@lobehub/icons-static-svg/icons/yi.svg';
import zhipuIcon from '@lobehub/icons-static-svg/icons/zhipu-color.svg';
import cerebrasIcon from '@lobehub/icons-static-svg/icons/cerebras-color.svg';
import deepinfraIcon from '@lobehub/icons-static-svg/icons/deepinfra-color.svg';
import fireworksIcon from '@lobehub/icons-static-svg/icons/fireworks-color.svg';
import groqIcon from '@lobehub/icons-static-svg/icons/groq.svg';
import huggingfaceIcon from '@lobehub/icons-static-svg/icons/huggingface-color.svg';
import lmstudioIcon from '@lobehub/icons-static-svg/icons/lmstudio.svg';
import siliconcloudIcon from '@lobehub/icons-static-svg/icons/siliconcloud-color.svg';
import togetherIcon from '@lobehub/icons-static-svg/icons/together-color.svg';
import vllmIcon from '@lobehub/icons-static-svg/icons/vllm-color.svg';
import orcarouterIcon from './marks/orcarouter.svg';
import { splitProviderPrefix } from '@/lib/models/model-ref';
import { vendorOf, type Vendor } from '@/lib/models/vendor';
import { knownHost } from '@/lib/providers/known-hosts';
import type { ProviderId } from '@/lib/providers/registry';

/**
 * Next's static import gives StaticImageData; Vite (under Vitest) gives the file's URL. Next
 * types `*.svg` as `any` to leave room for svgr, so this type is where the `any` stops.
 */
type BundledImage = StaticImageData | string;

type Mark =
  | {
      image: BundledImage;
      /** Drawn in `currentColor`, which is black inside an `<img>`: inverted on dark backgrounds. */
      monochrome?: boolean;
    }
  | { letter: string };

/**
 * Every maker's and every provider's mark, bundled at build time (DESIGN: never from a CDN).
 * One key space, because a provider that is also a maker (OpenAI, DeepSeek…) shows one mark.
 * A Record, so adding a vendor or provider does not compile until its mark is chosen here.
 */
const marks: Record<Vendor | ProviderId, Mark | undefined> = {
  openai: { image: openaiIcon, monochrome: true },
  anthropic: { image: claudeIcon },
  google: { image: geminiIcon },
  meta: { image: metaIcon },
  mistral: { image: mistralIcon },
  qwen: { image: qwenIcon },
  deepseek: { image: deepseekIcon },
  xai: { image: grokIcon, monochrome: true },
  moonshot: { image: kimiIcon },
  zhipu: { image: zhipuIcon },
  minimax: { image: minimaxIcon },
  cohere: { image: cohereIcon },
  microsoft: { image: microsoftIcon },
  nvidia: { image: nvidiaIcon },
  // Nova rather than the AWS logo: Amazon's models are Nova, and the AWS logo's text is black.
  amazon: { image: novaIcon },
  perplexity: { image: perplexityIcon },
  nousresearch: { image: nousresearchIcon, monochrome: true },
  ai21: { image: ai21Icon, monochrome: true },
  baidu: { image: baiduIcon },
  bytedance: { image: bytedanceIcon },
  tencent: { image: tencentIcon },
  stepfun: { image: stepfunIcon },
  // The colour version mixes black and green; inverting it would turn the green magenta.
  yi: { image: yiIcon, monochrome: true },
  ibm: { image: ibmIcon, monochrome: true },
  ai2: { image: ai2Icon },
  liquid: { image: liquidIcon, monochrome: true },
  inception: { image: inceptionIcon, monochrome: true },
  arcee: { image: arceeIcon },
  deepcogito: { image: deepcogitoIcon },
  inflection: { image: inflectionIcon, monochrome: true },
  reka: { image: rekaIcon, monochrome: true },
  baichuan: { image: baichuanIcon },
  internlm: { image: internlmIcon },
  // The colour version is a pale lime that vanishes on white.
  openrouter: { image: openrouterIcon, monochrome: true },
  // No OrcaRouter icon in @lobehub/icons.
  // The icon package has no OrcaRouter mark: an original drawing (an orca over a route).
  orcarouter: { image: orcarouterIcon, monochrome: true },
  azure: { image: azureIcon },
  ollama: { image: ollamaIcon, monochrome: true },
  // The user's own endpoint, named by the operator: no mark could stand for it, and the picker
  // already groups its models under that name.
  'openai-compatible': undefined,
};

/** Relative to the icon, so the badge scales with it. */
const badgeScale = 0.45;

function imageSource(image: BundledImage): string {
  return typeof image === 'string' ? image : image.src;
}

/** The first letter or digit of the model's own name: `ollama:my-model:7b` → `M`. */
function initialOf(modelId: string): string {
  const id = splitProviderPrefix(modelId.trim()).model;
  const name = id.slice(id.lastIndexOf('/') + 1);
  return (/[\p{L}\p{N}]/u.exec(name)?.[0] ?? '?').toUpperCase();
}

function MarkImage({ mark, size }: { mark: Mark; size: number }) {
  if ('letter' in mark) {
    return (
      <span
        className="flex shrink-0 items-center justify-center rounded-full bg-zinc-200 leading-none font-semibold text-zinc-700 select-none dark:bg-zinc-700 dark:text-zinc-100"
        style={{ width: size, height: size, fontSize: Math.max(6, Math.round(size * 0.55)) }}
      >
        {mark.letter}
      </span>
    );
  }
  return (
    <img
      src={imageSource(mark.image)}
      alt=""
      width={size}
      height={size}
      draggable={false}
      className={mark.monochrome ? 'shrink-0 dark:invert' : 'shrink-0'}
    />
  );
}

interface ModelIconProps {
  /** As any provider lists it: `anthropic/claude-opus-4.7`, `gpt-5.1`, `llama3.2:latest`. */
  modelId: string;
  /** The provider that routes the model, badged on the icon when it is not the maker. */
  provider: ProviderId;
  size?: number;
  /** A user endpoint's base URL: its badge is chosen from the host (Together, Groq, …). */
  endpointBaseUrl?: string;
}

/**
 * The maker's icon with the routing provider as a small badge (DESIGN "Models" → Icons).
 * Decorative: the caller shows the model's name, so screen readers skip this.
 */
export function ModelIcon({ modelId, provider, size = 20, endpointBaseUrl }: ModelIconProps) {
  const vendor = vendorOf(modelId);
  const mark: Mark = (vendor && marks[vendor]) ?? { letter: initialOf(modelId) };
  // No OpenAI badge on an OpenAI model from OpenAI: the badge only says who routes it.
  const badge = endpointBaseUrl
    ? hostMark(endpointBaseUrl)
    : vendor === provider
      ? undefined
      : marks[provider];
  const badgeSize = Math.max(8, Math.round(size * badgeScale));
  const badgeOffset = -Math.round(badgeSize / 4);

  return (
    <span
      aria-hidden="true"
      className="relative inline-flex shrink-0"
      style={{ width: size, height: size }}
    >
      <MarkImage mark={mark} size={size} />
      {badge && (
        // The ring and background keep the badge legible over the icon in light and dark mode.
        <span
          className="absolute flex items-center justify-center rounded-full bg-white ring-1 ring-zinc-300 dark:bg-zinc-900 dark:ring-zinc-600"
          style={{ width: badgeSize, height: badgeSize, right: badgeOffset, bottom: badgeOffset }}
        >
          <MarkImage mark={badge} size={Math.max(6, Math.round(badgeSize * 0.8))} />
        </span>
      )}
    </span>
  );
}

/** Icons of the hosting services in the host table (`lib/providers/known-hosts.ts`). */
const hostIcons: Readonly<Record<string, Mark>> = {
  together: { image: togetherIcon },
  groq: { image: groqIcon, monochrome: true },
  fireworks: { image: fireworksIcon },
  cerebras: { image: cerebrasIcon },
  deepinfra: { image: deepinfraIcon },
  huggingface: { image: huggingfaceIcon },
  siliconflow: { image: siliconcloudIcon },
  mistral: { image: mistralIcon },
  perplexity: { image: perplexityIcon },
};

function hostMark(baseUrl: string): Mark | undefined {
  let url: URL;
  try {
    url = new URL(baseUrl);
  } catch {
    return undefined;
  }
  if (url.port === '11434') return { image: ollamaIcon, monochrome: true };
  if (url.port === '1234') return { image: lmstudioIcon, monochrome: true };
  if (url.port === '8000' && /vllm/i.test(url.hostname + url.pathname)) return { image: vllmIcon };
  const icon = knownHost(baseUrl)?.icon;
  if (!icon) return undefined;
  return hostIcons[icon] ?? (icon in marks ? marks[icon as keyof typeof marks] : undefined);
}
