import { describe, expect, it } from 'vitest';
import { nodeGatewayTarget } from './node-gateway';

describe('the paths the Node transport serves', () => {
  it('takes /api/<known provider>/<path>, decoded as the route handler would see it', () => {
    expect(nodeGatewayTarget('/api/openrouter/chat/completions')).toEqual({
      provider: 'openrouter',
      path: ['chat', 'completions'],
    });
    expect(
      nodeGatewayTarget('/api/google/v1beta/models/gemini-2.5-pro%3AstreamGenerateContent?alt=sse'),
    ).toEqual({
      provider: 'google',
      path: ['v1beta', 'models', 'gemini-2.5-pro:streamGenerateContent'],
    });
  });

  it('leaves the app’s own routes, unknown names and odd shapes to Next', () => {
    for (const url of [
      '/api/config',
      '/api/models?provider=openai',
      '/api/nope/chat/completions',
      '/api/openrouter',
      '/api/openrouter/',
      '/api/openrouter/chat/completions/',
      '/api/openrouter/chat//completions',
      '/api/openrouter/%E0%A4%A',
      '/chat',
    ]) {
      expect(nodeGatewayTarget(url), url).toBeUndefined();
    }
  });
});
