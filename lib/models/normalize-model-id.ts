import { splitProviderPrefix } from './model-ref';

/**
 * Model-name helpers for the parameter policy. Ids are stored verbatim (DESIGN "Models"); these
 * functions only derive the key the capability rules match on.
 */

/** OpenRouter variants (`:free`, `:thinking`, `:beta`…) and Ollama tags (`:latest`, `:8b`). */
const variantSuffix = /:.*$/;
/** wire-formats §3: OrcaRouter picks the reasoning effort by suffix (`claude-opus-4.6-high`). */
const effortSuffix = /-(?:minimal|low|medium|high|max)$/;
/** Snapshots: Anthropic `-20250929`, Vertex `@20250929`, OpenAI `-2025-04-14`, and `-latest`. */
const snapshotSuffix = /(?:[-@]\d{8}|-\d{4}-\d{2}-\d{2}|-latest)$/;
/** Anthropic writes versions with a hyphen (`claude-opus-4-7`), the routers with a dot. */
const claudeHyphenVersion = /^(claude-(?:[a-z]+-)?\d+)-(\d{1,2})(?=-|$)/;

/**
 * The key capability rules match on: lower-case, without a `provider:` prefix, namespace
 * (`anthropic/`, Gemini's `models/`), variant or tag, effort or snapshot suffix, and with Claude
 * versions written with a dot. `anthropic/claude-opus-4-7-20260101:beta` → `claude-opus-4.7`.
 */
export function normalizeModelId(id: string): string {
  let name = splitProviderPrefix(id.trim().toLowerCase()).model;
  name = name.slice(name.lastIndexOf('/') + 1).replace(variantSuffix, '');
  let previous: string;
  do {
    previous = name;
    name = name.replace(snapshotSuffix, '').replace(effortSuffix, '');
  } while (name !== previous);
  return name.replace(claudeHyphenVersion, '$1.$2');
}

/**
 * Whether the id itself turns extended thinking on: an OpenRouter `:thinking` variant, or an
 * OrcaRouter effort suffix, which OrcaRouter turns into Claude `thinking` (wire-formats §3).
 */
export function idRequestsThinking(id: string): boolean {
  const name = id.trim().toLowerCase();
  return name.endsWith(':thinking') || effortSuffix.test(name.replace(variantSuffix, ''));
}

export interface ClaudeVersion {
  family: string;
  major: number;
  minor: number;
}

/** `claude-opus-4.7`, `claude-sonnet-5` and the older `claude-3.7-sonnet` order, normalised. */
export function claudeVersion(normalizedId: string): ClaudeVersion | undefined {
  const current = /^claude-([a-z]+)-(\d+)(?:\.(\d+))?(?=-|$)/.exec(normalizedId);
  if (current?.[1] && current[2]) {
    return { family: current[1], major: Number(current[2]), minor: Number(current[3] ?? 0) };
  }
  const older = /^claude-(\d+)(?:\.(\d+))?-([a-z]+)/.exec(normalizedId);
  if (older?.[1] && older[3]) {
    return { family: older[3], major: Number(older[1]), minor: Number(older[2] ?? 0) };
  }
  return undefined;
}

export interface GptVersion {
  major: number;
  /** Undefined for `gpt-5`, `gpt-5-chat`: the "plain" variants of wire-formats §1a. */
  minor: number | undefined;
  variant: string | undefined;
}

/** `gpt-5.1-chat` → 5, 1, `chat`: Vercel's `getGptVersion` parse (wire-formats §1a). */
export function gptVersion(normalizedId: string): GptVersion | undefined {
  const match = /^gpt-(\d+)(?:\.(\d+))?(?:-(.+))?$/.exec(normalizedId);
  if (!match?.[1]) return undefined;
  return {
    major: Number(match[1]),
    minor: match[2] === undefined ? undefined : Number(match[2]),
    variant: match[3],
  };
}
