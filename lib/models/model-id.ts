/**
 * What a model id may look like on its way upstream: printable ASCII only (no whitespace, control
 * characters or look-alikes such as U+2215 that would dodge a deny rule), starting with a letter,
 * digit, `_` or `~`, and no `.` or `..` path segment (which would climb out of an Azure
 * deployment path or past a `vendor/*` glob). Every real id fits: `anthropic/claude-opus-4.7`,
 * `qwen3:32b`, `models/gemini-2.5-pro`, `~anthropic/claude-sonnet-latest`.
 */
const plainId = /^[\w~][\w.:/@+~-]*$/;

export function isPlainModelId(id: string): boolean {
  if (id.length > 256 || !plainId.test(id)) return false;
  return !id.split('/').some((segment) => segment === '.' || segment === '..' || segment === '');
}
