import type { CatalogModel } from '@/lib/models/catalog-model';
import { rankByFuzzy } from '@/lib/models/fuzzy-match';
import { choiceOf, findModel } from '@/lib/models/model-choice';

/** One provider, or one of the user's own endpoints, with all its models (curated first). */
export interface PickerGroup {
  key: string;
  label: string;
  models: readonly CatalogModel[];
}

/** What the popover renders: a heading, its rows, and how many rows "show all" would add. */
export interface PickerSection {
  key: string;
  label: string;
  models: readonly CatalogModel[];
  /** The group's size when some of it is hidden; undefined when every row is shown. */
  total?: number;
  /** The group is expanded past its curated models ("show fewer" is offered). */
  expanded?: boolean;
}

/** Search results stop here: nobody reads past it, and the list stays fast to render. */
export const searchLimit = 100;
/** A group with no curated model shows its first few rather than nothing. */
const uncuratedPreview = 8;

interface SectionInput {
  groups: readonly PickerGroup[];
  query: string;
  favourites: readonly string[];
  recent: readonly string[];
  /** Group keys the user expanded with "show all". */
  expanded: ReadonlySet<string>;
  /** The current choice: always shown in its group, even when not curated. */
  value: string | undefined;
  labels: { favourites: string; recent: string };
}

/**
 * The popover's sections. Without a query: favourites, recently used, then each group with its
 * curated models (all of them once expanded). With one: the best matches by id and name across
 * every model, grouped by provider, groups in the order of their best match.
 */
export function buildSections(input: SectionInput): PickerSection[] {
  const { groups, query, favourites, recent, expanded, value, labels } = input;
  if (query.trim() !== '') return searchSections(groups, query);

  const all = groups.flatMap((group) => group.models);
  const pick = (choices: readonly string[]) =>
    choices.flatMap((choice) => findModel(all, choice) ?? []);
  const favouriteModels = pick(favourites);
  const recentModels = pick(recent.filter((choice) => !favourites.includes(choice)));
  const sections: PickerSection[] = [];
  if (favouriteModels.length > 0) {
    sections.push({ key: 'favourites', label: labels.favourites, models: favouriteModels });
  }
  if (recentModels.length > 0) {
    sections.push({ key: 'recent', label: labels.recent, models: recentModels });
  }
  for (const group of groups) sections.push(groupSection(group, expanded.has(group.key), value));
  return sections;
}

function groupSection(
  group: PickerGroup,
  isExpanded: boolean,
  value: string | undefined,
): PickerSection {
  const base = { key: group.key, label: group.label };
  if (isExpanded) return { ...base, models: group.models, expanded: true };
  const curated = group.models.filter((model) => model.curated || choiceOf(model) === value);
  const shown = curated.some((model) => model.curated)
    ? curated
    : group.models.slice(0, uncuratedPreview);
  return shown.length < group.models.length
    ? { ...base, models: shown, total: group.models.length }
    : { ...base, models: group.models };
}

function searchSections(groups: readonly PickerGroup[], query: string): PickerSection[] {
  const entries = groups.flatMap((group) => group.models.map((model) => ({ group, model })));
  const ranked = rankByFuzzy(entries, query, ({ model }) => [model.id, model.name], searchLimit);
  const byGroup = new Map<string, { label: string; models: CatalogModel[] }>();
  for (const { group, model } of ranked) {
    const section = byGroup.get(group.key) ?? { label: group.label, models: [] };
    section.models.push(model);
    byGroup.set(group.key, section);
  }
  return [...byGroup].map(([key, { label, models }]) => ({ key, label, models }));
}
