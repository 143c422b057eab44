import type { ProtocolId } from '@/lib/providers/types';

/**
 * An error written in each protocol's own mid-stream error format (wire-formats §1a, §5, §6), so
 * any client, Parley's or an official SDK, reports it the way it reports the provider's errors.
 */
export const streamErrorEvents: Record<ProtocolId, (code: string, message: string) => string> = {
  openai: (code, message) =>
    `data: ${JSON.stringify({ error: { message, type: 'timeout', code } })}\n\n`,
  anthropic: (_code, message) =>
    `event: error\ndata: ${JSON.stringify({ type: 'error', error: { type: 'timeout_error', message } })}\n\n`,
  gemini: (_code, message) =>
    `data: ${JSON.stringify({ error: { code: 504, message, status: 'DEADLINE_EXCEEDED' } })}\n\n`,
};
