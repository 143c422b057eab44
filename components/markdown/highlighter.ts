import { createHighlighterCore, type HighlighterCore, type LanguageRegistration } from 'shiki/core';
import { createJavaScriptRegexEngine } from 'shiki/engine/javascript';
import type { GrammarName } from './highlight-languages';

/**
 * Loaded with import() by the code block, never up front: this module and everything it imports
 * is the highlighter's chunk. The JavaScript regex engine avoids shipping Oniguruma's WebAssembly.
 */
type GrammarModule = Promise<{ default: LanguageRegistration[] }>;

const grammars: Record<GrammarName, () => GrammarModule> = {
  c: () => import('shiki/langs/c.mjs'),
  cpp: () => import('shiki/langs/cpp.mjs'),
  csharp: () => import('shiki/langs/csharp.mjs'),
  css: () => import('shiki/langs/css.mjs'),
  diff: () => import('shiki/langs/diff.mjs'),
  docker: () => import('shiki/langs/docker.mjs'),
  go: () => import('shiki/langs/go.mjs'),
  html: () => import('shiki/langs/html.mjs'),
  java: () => import('shiki/langs/java.mjs'),
  javascript: () => import('shiki/langs/javascript.mjs'),
  json: () => import('shiki/langs/json.mjs'),
  jsx: () => import('shiki/langs/jsx.mjs'),
  kotlin: () => import('shiki/langs/kotlin.mjs'),
  markdown: () => import('shiki/langs/markdown.mjs'),
  php: () => import('shiki/langs/php.mjs'),
  powershell: () => import('shiki/langs/powershell.mjs'),
  python: () => import('shiki/langs/python.mjs'),
  ruby: () => import('shiki/langs/ruby.mjs'),
  rust: () => import('shiki/langs/rust.mjs'),
  shellscript: () => import('shiki/langs/shellscript.mjs'),
  sql: () => import('shiki/langs/sql.mjs'),
  swift: () => import('shiki/langs/swift.mjs'),
  toml: () => import('shiki/langs/toml.mjs'),
  tsx: () => import('shiki/langs/tsx.mjs'),
  typescript: () => import('shiki/langs/typescript.mjs'),
  xml: () => import('shiki/langs/xml.mjs'),
  yaml: () => import('shiki/langs/yaml.mjs'),
};

export interface HighlightedToken {
  content: string;
  /** `light-dark(…, …)`: follows the page's colour scheme without any stylesheet. */
  color: string | undefined;
}

export interface HighlightResult {
  /** The code these lines were made from; a streaming block shows its newer tail plainly. */
  code: string;
  lines: HighlightedToken[][];
}

/** Past this, a model's output is more likely a flood than code worth colouring. */
const maximumCodeLength = 200_000;

let highlighter: Promise<HighlighterCore> | undefined;
const loadedGrammars = new Map<GrammarName, Promise<void>>();

function getHighlighter(): Promise<HighlighterCore> {
  highlighter ??= createHighlighterCore({
    themes: [import('shiki/themes/github-light.mjs'), import('shiki/themes/github-dark.mjs')],
    langs: [],
    engine: createJavaScriptRegexEngine({ forgiving: true }),
  }).catch((error: unknown) => {
    // A failed chunk load must not stick: the next code block tries again.
    highlighter = undefined;
    throw error;
  });
  return highlighter;
}

function loadGrammar(instance: HighlighterCore, grammar: GrammarName): Promise<void> {
  let loading = loadedGrammars.get(grammar);
  if (!loading) {
    loading = instance.loadLanguage(grammars[grammar]).catch((error: unknown) => {
      loadedGrammars.delete(grammar);
      throw error;
    });
    loadedGrammars.set(grammar, loading);
  }
  return loading;
}

export async function highlight(
  code: string,
  grammar: GrammarName,
): Promise<HighlightResult | null> {
  if (code.length > maximumCodeLength) return null;
  const instance = await getHighlighter();
  await loadGrammar(instance, grammar);
  const { tokens } = instance.codeToTokens(code, {
    lang: grammar,
    themes: { light: 'github-light', dark: 'github-dark' },
    defaultColor: 'light-dark()',
    // Bounds the work a hostile one-line blob can cause; longer lines are left uncoloured.
    tokenizeMaxLineLength: 5_000,
    tokenizeTimeLimit: 500,
  });
  return {
    code,
    lines: tokens.map((line) =>
      line.map((token) => ({ content: token.content, color: token.htmlStyle?.color })),
    ),
  };
}
