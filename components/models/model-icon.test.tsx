import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { ModelIcon } from './model-icon';

const images = (markup: string) => markup.match(/<img [^>]*>/g) ?? [];

describe('model icons', () => {
  it('badges a user endpoint with its host’s icon, each host its own, an unknown host none', () => {
    const badgeOf = (baseUrl: string) =>
      images(
        renderToStaticMarkup(
          <ModelIcon
            modelId="llama-3.3-70b"
            provider="openai-compatible"
            endpointBaseUrl={baseUrl}
          />,
        ),
      );
    const hosts = [
      'https://api.together.xyz/v1',
      'https://api.groq.com/openai/v1',
      'http://localhost:11434/v1',
      'http://192.168.1.5:1234/v1',
    ];
    const badges = hosts.map((host) => badgeOf(host));
    for (const badge of badges) expect(badge).toHaveLength(2);
    expect(new Set(badges.map((badge) => badge[1])).size).toBe(hosts.length);
    expect(badgeOf('https://llm.example.org/v1')).toHaveLength(1);
  });

  it('draws OrcaRouter with its own mark, as icon and as badge, never a letter', () => {
    const markup = renderToStaticMarkup(
      <ModelIcon modelId="anthropic/claude-opus-4.7" provider="orcarouter" />,
    );
    expect(images(markup)).toHaveLength(2);
    const own = renderToStaticMarkup(<ModelIcon modelId="orcarouter/auto" provider="orcarouter" />);
    expect(images(own)).toHaveLength(1);
    expect(own).not.toMatch(/>O</);
    // An endpoint on OrcaRouter's host is badged with the same mark.
    const hosted = renderToStaticMarkup(
      <ModelIcon
        modelId="openai/gpt-5.1"
        provider="openai-compatible"
        endpointBaseUrl="https://api.orcarouter.ai/v1"
      />,
    );
    expect(images(hosted)).toHaveLength(2);
  });

  it('shows the maker with the routing provider as a badge, and no badge for the maker itself', () => {
    expect(
      images(
        renderToStaticMarkup(
          <ModelIcon modelId="anthropic/claude-opus-4.7" provider="openrouter" />,
        ),
      ),
    ).toHaveLength(2);
    expect(
      images(renderToStaticMarkup(<ModelIcon modelId="gpt-4.1" provider="openai" />)),
    ).toHaveLength(1);
  });
});
