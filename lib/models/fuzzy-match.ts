/**
 * A small fuzzy scorer for the model picker: every query character must appear in the text in
 * order (a subsequence) starting at a word start, and matches that start words (`opus` in
 * `claude-opus-4.7`) or run on from the previous match score higher, so "opus47" and "cl op"
 * find Claude Opus 4.7. Scattered letters from the middle of words do not count as a match.
 */

const matchScore = 1;
const wordStartBonus = 8;
const textStartBonus = 4;
const consecutiveBonus = 5;
const gapPenalty = 1;

/** Separators in model ids and names; the character after one starts a word. */
const separators = new Set([' ', '-', '_', '/', '.', ':', '@', '(', ')', ',']);

function isWordStart(text: string, original: string, index: number): boolean {
  if (index === 0) return true;
  const previous = text[index - 1] ?? '';
  if (separators.has(previous)) return true;
  const current = original[index] ?? '';
  const previousOriginal = original[index - 1] ?? '';
  // camelCase and letter→digit boundaries: `gpt4o` starts a word at `4`, `DeepSeek` at `S`.
  const isUpper = current !== current.toLowerCase();
  const wasLower = previousOriginal !== previousOriginal.toUpperCase();
  const isDigit = current >= '0' && current <= '9';
  const wasDigit = previousOriginal >= '0' && previousOriginal <= '9';
  return (isUpper && wasLower) || isDigit !== wasDigit;
}

/**
 * The best score of one query word (no spaces) against the text, or undefined when it is not a
 * subsequence. A dynamic programme over (query character, text position): each match either
 * continues the previous one (consecutive bonus) or follows a gap (small penalty).
 */
function scoreWord(word: string, text: string, original: string): number | undefined {
  const length = text.length;
  let previous: number[] = [];
  for (let queryIndex = 0; queryIndex < word.length; queryIndex++) {
    const character = word[queryIndex];
    const current: number[] = new Array<number>(length).fill(Number.NEGATIVE_INFINITY);
    // The best score of the previous row at any position before `position - 1`.
    let bestBefore = Number.NEGATIVE_INFINITY;
    for (let position = 0; position < length; position++) {
      if (queryIndex > 0 && position >= 2) {
        bestBefore = Math.max(bestBefore, previous[position - 2] ?? Number.NEGATIVE_INFINITY);
      }
      if (text[position] !== character) continue;
      const bonus =
        matchScore +
        (isWordStart(text, original, position) ? wordStartBonus : 0) +
        (position === 0 ? textStartBonus : 0);
      if (queryIndex === 0) {
        // A word starts matching at a word start: `cl` is not found in `mock/fail-primary`.
        if (isWordStart(text, original, position)) {
          current[position] = bonus - (position > 0 ? gapPenalty : 0);
        }
        continue;
      }
      const afterPrevious = (previous[position - 1] ?? Number.NEGATIVE_INFINITY) + consecutiveBonus;
      const afterGap = bestBefore - gapPenalty;
      current[position] = bonus + Math.max(afterPrevious, afterGap);
    }
    previous = current;
  }
  const best = Math.max(Number.NEGATIVE_INFINITY, ...previous);
  if (Number.isFinite(best)) return best;
  // Inside a word, only the word itself counts (`pus` in `opus`), below any word-start match.
  return text.includes(word) ? word.length * matchScore - gapPenalty : undefined;
}

/**
 * How well `query` matches `text`, higher is better; undefined when it does not match. Words in
 * the query (split on spaces) match independently, in any order; case is ignored.
 */
export function fuzzyScore(query: string, text: string): number | undefined {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0) return 0;
  const lower = text.toLowerCase();
  // Lowercasing can change the length (`İ`); word starts then come from the lowercased text.
  const original = lower.length === text.length ? text : lower;
  let total = 0;
  for (const word of words) {
    const score = scoreWord(word, lower, original);
    if (score === undefined) return undefined;
    total += score;
  }
  // Between equal matches, the shorter text is the closer one.
  return total - text.length / 1000;
}

/**
 * The items that match, best first, at most `limit` of them. Each item is scored by the best of
 * its texts (a model's id and name); ties keep the input order.
 */
export function rankByFuzzy<Item>(
  items: readonly Item[],
  query: string,
  textsOf: (item: Item) => ReadonlyArray<string | undefined>,
  limit: number,
): Item[] {
  const scored: Array<{ item: Item; score: number; index: number }> = [];
  items.forEach((item, index) => {
    let best: number | undefined;
    for (const text of textsOf(item)) {
      if (!text) continue;
      const score = fuzzyScore(query, text);
      if (score !== undefined && (best === undefined || score > best)) best = score;
    }
    if (best !== undefined) scored.push({ item, score: best, index });
  });
  scored.sort((a, b) => b.score - a.score || a.index - b.index);
  return scored.slice(0, limit).map(({ item }) => item);
}
