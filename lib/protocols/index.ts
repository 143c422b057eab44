import type { ProtocolId } from '@/lib/providers/types';
import { anthropicProtocol } from './anthropic';
import { geminiProtocol } from './gemini';
import { openaiProtocol } from './openai';
import type { ProtocolAdapter } from './types';

export const protocols: Record<ProtocolId, ProtocolAdapter> = {
  openai: openaiProtocol,
  anthropic: anthropicProtocol,
  gemini: geminiProtocol,
};
