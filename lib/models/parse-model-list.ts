import { isRecord } from '@/lib/errors/parley-error';

/** One model as a provider's list endpoint describes it, whatever the provider's shape. */
export interface ListedModel {
  id: string;
  name?: string;
  contextLength?: number;
  /** USD per million tokens. */
  pricing?: { input: number; output: number };
  inputModalities?: string[];
  /** OpenRouter's `supported_parameters`: what the model accepts, straight from the catalog. */
  supportedParameters?: string[];
  reasoning?: boolean;
  /** A curated model the provider's live list did not contain (set by the catalog, not read). */
  unlisted?: boolean;
}

/**
 * Reads the model lists of every provider Parley speaks to: OpenAI-style `{data:[{id}]}` (OpenAI,
 * Azure, DeepSeek, xAI, Ollama, OrcaRouter), OpenRouter's rich entries, Anthropic's
 * `display_name`/`max_input_tokens`, and Gemini's `{models:[{name:"models/…"}]}`.
 */
export function parseModelList(payload: unknown): ListedModel[] {
  // A bare array (Together AI's shape) lists entries like OpenAI's `data`.
  if (Array.isArray(payload)) return payload.flatMap(readDataEntry);
  if (!isRecord(payload)) return [];
  if (Array.isArray(payload.data)) return payload.data.flatMap(readDataEntry);
  if (Array.isArray(payload.models)) {
    // `{models:[…]}`: Gemini's entries carry `name`; other servers' carry an OpenAI-style `id`.
    return payload.models.flatMap((entry) =>
      isRecord(entry) && typeof entry.id === 'string'
        ? readDataEntry(entry)
        : readGeminiEntry(entry),
    );
  }
  return [];
}

function readDataEntry(entry: unknown): ListedModel[] {
  if (!isRecord(entry) || typeof entry.id !== 'string' || entry.id === '') return [];
  const architecture = isRecord(entry.architecture) ? entry.architecture : {};
  const pricing = isRecord(entry.pricing) ? entry.pricing : undefined;
  const input = pricing ? Number(pricing.prompt) : Number.NaN;
  const output = pricing ? Number(pricing.completion) : Number.NaN;
  return [
    {
      id: entry.id,
      name: text(entry.name) ?? text(entry.display_name),
      contextLength: count(entry.context_length) ?? count(entry.max_input_tokens),
      pricing:
        Number.isFinite(input) && Number.isFinite(output) && input >= 0 && output >= 0
          ? { input: input * 1_000_000, output: output * 1_000_000 }
          : undefined,
      inputModalities: strings(architecture.input_modalities),
      supportedParameters: strings(entry.supported_parameters),
      reasoning: isRecord(entry.reasoning) ? true : undefined,
    },
  ];
}

function readGeminiEntry(entry: unknown): ListedModel[] {
  if (!isRecord(entry) || typeof entry.name !== 'string') return [];
  const methods = strings(entry.supportedGenerationMethods);
  // Embedding and other non-chat models cannot answer a chat.
  if (methods && !methods.includes('generateContent')) return [];
  return [
    {
      id: entry.name.replace(/^models\//, ''),
      name: text(entry.displayName),
      contextLength: count(entry.inputTokenLimit),
      reasoning: entry.thinking === true ? true : undefined,
    },
  ];
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() !== '' ? value : undefined;
}

function count(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isFinite(value) && value > 0 ? value : undefined;
}

function strings(value: unknown): string[] | undefined {
  return Array.isArray(value)
    ? value.filter((item): item is string => typeof item === 'string')
    : undefined;
}
