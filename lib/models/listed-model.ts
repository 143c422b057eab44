import { isRecord } from '@/lib/errors/parley-error';

/** One model as a provider's list endpoint describes it; each protocol reads its own list shape. */
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

/** The entries of a list payload under `field` (`data`, `models`), or none. */
export function listEntries(payload: unknown, field: string): unknown[] {
  return isRecord(payload) && Array.isArray(payload[field]) ? payload[field] : [];
}

/** A non-empty string, or undefined. */
export function listedText(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() !== '' ? value : undefined;
}

/** A positive finite number, or undefined. */
export function listedCount(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isFinite(value) && value > 0 ? value : undefined;
}

/** The strings of an array, or undefined when it is not one. */
export function listedStrings(value: unknown): string[] | undefined {
  return Array.isArray(value)
    ? value.filter((item): item is string => typeof item === 'string')
    : undefined;
}
