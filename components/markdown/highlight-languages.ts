/** The grammars that can be highlighted; each is a separate chunk, fetched the first time it is needed. */
export type GrammarName =
  | 'c'
  | 'cpp'
  | 'csharp'
  | 'css'
  | 'diff'
  | 'docker'
  | 'go'
  | 'html'
  | 'java'
  | 'javascript'
  | 'json'
  | 'jsx'
  | 'kotlin'
  | 'markdown'
  | 'php'
  | 'powershell'
  | 'python'
  | 'ruby'
  | 'rust'
  | 'shellscript'
  | 'sql'
  | 'swift'
  | 'toml'
  | 'tsx'
  | 'typescript'
  | 'xml'
  | 'yaml';

const aliases: Record<string, GrammarName> = {
  'c++': 'cpp',
  'c#': 'csharp',
  bash: 'shellscript',
  cc: 'cpp',
  cjs: 'javascript',
  cs: 'csharp',
  cts: 'typescript',
  dockerfile: 'docker',
  golang: 'go',
  h: 'c',
  hpp: 'cpp',
  htm: 'html',
  js: 'javascript',
  json5: 'json',
  jsonc: 'json',
  kt: 'kotlin',
  md: 'markdown',
  mjs: 'javascript',
  mts: 'typescript',
  ps1: 'powershell',
  py: 'python',
  rb: 'ruby',
  rs: 'rust',
  sh: 'shellscript',
  shell: 'shellscript',
  svg: 'xml',
  ts: 'typescript',
  yml: 'yaml',
  zsh: 'shellscript',
};

const grammarNames = new Set<string>([
  'c',
  'cpp',
  'csharp',
  'css',
  'diff',
  'docker',
  'go',
  'html',
  'java',
  'javascript',
  'json',
  'jsx',
  'kotlin',
  'markdown',
  'php',
  'powershell',
  'python',
  'ruby',
  'rust',
  'shellscript',
  'sql',
  'swift',
  'toml',
  'tsx',
  'typescript',
  'xml',
  'yaml',
] satisfies GrammarName[]);

function isGrammarName(language: string): language is GrammarName {
  return grammarNames.has(language);
}

/** The grammar for a code fence's language, or null: unknown languages stay plain, and load nothing. */
export function grammarFor(language: string): GrammarName | null {
  if (Object.hasOwn(aliases, language)) return aliases[language] ?? null;
  return isGrammarName(language) ? language : null;
}
