import type { ProtocolId } from '@/lib/providers/types';
import { openaiProtocol } from './openai';
import type { ProtocolAdapter } from './types';

export const protocols: Record<ProtocolId, ProtocolAdapter> = {
  openai: openaiProtocol,
};
