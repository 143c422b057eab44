// @ts-check
/**
 * Name-based rules for which models reject which sampling parameters, mirroring the providers
 * (see wire-formats.md §1, §3 and §5). Every rule looks at the name after the last `/`, so
 * router ids (`anthropic/claude-opus-4.7`) and bare ids (`claude-opus-4-7`) behave the same.
 */

/** @param {string} model */
export function bareModelName(model) {
  return model.slice(model.lastIndexOf('/') + 1).toLowerCase();
}

/**
 * OpenAI reasoning models: o-series and gpt-5*, except the plain `-chat` variants.
 * @param {string} model
 */
export function isOpenAiReasoningModel(model) {
  const name = bareModelName(model);
  return (/^o\d/.test(name) || /^gpt-5/.test(name)) && !name.includes('-chat');
}

/**
 * Claude models that accept no sampling parameters (only temperature 1): Opus 4.7 and later,
 * and any Claude with a major version of 5 or more. Understands `claude-opus-4-7`,
 * `claude-opus-4.7`, dated ids (`claude-opus-4-20250514` is 4.0) and old `claude-3-5-sonnet`.
 * @param {string} model
 */
export function isClaudeWithoutSampling(model) {
  const match = /^claude-(?:([a-z]+)-)?(\d+)(?:[-.](\d{1,2}))?(?!\d)/.exec(bareModelName(model));
  if (!match) return false;
  const family = match[1];
  const major = Number(match[2]);
  const minor = Number(match[3] ?? '0');
  if (major >= 5) return true;
  return family === 'opus' && major === 4 && minor >= 7;
}

/**
 * DeepSeek's reasoners, which routers pass temperature to unchanged.
 * @param {string} model
 */
export function isDeepSeekReasoner(model) {
  return /^deepseek-(reasoner|r1)\b/.test(bareModelName(model));
}
