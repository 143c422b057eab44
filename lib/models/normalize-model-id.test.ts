import { describe, expect, it } from 'vitest';
import {
  claudeVersion,
  gptVersion,
  idRequestsThinking,
  normalizeModelId,
} from './normalize-model-id';

describe('normalizeModelId', () => {
  it.each([
    ['anthropic/claude-opus-4.7', 'claude-opus-4.7'],
    ['claude-opus-4-7', 'claude-opus-4.7'],
    ['claude-sonnet-4-5-20250929', 'claude-sonnet-4.5'],
    ['claude-opus-4-20250514', 'claude-opus-4'],
    ['claude-3-7-sonnet-latest', 'claude-3.7-sonnet'],
    ['claude-opus-4-1@20250805', 'claude-opus-4.1'],
    ['anthropic/claude-opus-4.6-high', 'claude-opus-4.6'],
    ['openai/o3-mini-high', 'o3-mini'],
    ['deepseek/deepseek-r1:free', 'deepseek-r1'],
    ['anthropic/claude-3.7-sonnet:thinking', 'claude-3.7-sonnet'],
    ['llama3.2:latest', 'llama3.2'],
    ['openrouter:OpenAI/GPT-5.1', 'gpt-5.1'],
    ['openai:gpt-5.1', 'gpt-5.1'],
    ['gpt-4.1-nano-2025-04-14', 'gpt-4.1-nano'],
    ['gpt-5-chat-latest', 'gpt-5-chat'],
    ['models/gemini-2.5-flash', 'gemini-2.5-flash'],
    ['  GPT-4o ', 'gpt-4o'],
  ])('%s → %s', (id, expected) => {
    expect(normalizeModelId(id)).toBe(expected);
  });
});

describe('idRequestsThinking', () => {
  it.each([
    ['anthropic/claude-3.7-sonnet:thinking', true],
    ['anthropic/claude-opus-4.6-high', true],
    ['anthropic/claude-opus-4.6-minimal', true],
    ['anthropic/claude-opus-4.6', false],
    ['deepseek/deepseek-r1:free', false],
  ])('%s: %s', (id, expected) => {
    expect(idRequestsThinking(id)).toBe(expected);
  });
});

describe('version parsing', () => {
  it('reads both Claude name orders', () => {
    expect(claudeVersion('claude-opus-4.7')).toEqual({ family: 'opus', major: 4, minor: 7 });
    expect(claudeVersion('claude-sonnet-5')).toEqual({ family: 'sonnet', major: 5, minor: 0 });
    expect(claudeVersion('claude-3.7-sonnet')).toEqual({ family: 'sonnet', major: 3, minor: 7 });
    expect(claudeVersion('claude-2.1')).toBeUndefined();
  });

  it('reads GPT versions and variants', () => {
    expect(gptVersion('gpt-5-chat')).toEqual({ major: 5, minor: undefined, variant: 'chat' });
    expect(gptVersion('gpt-5.1-chat')).toEqual({ major: 5, minor: 1, variant: 'chat' });
    expect(gptVersion('gpt-oss-120b')).toBeUndefined();
  });
});
