import { z } from 'zod';
import { providerIds, type ProviderId } from '@/lib/providers/registry';
import type { PersistedSettings } from './settings-store';

const providerSettings = z.object({
  apiKey: z.string(),
  baseUrl: z.string().optional(),
  options: z.record(z.string(), z.union([z.string(), z.array(z.string())])).optional(),
});

const customEndpoint = z.object({
  id: z.string().min(1),
  name: z.string(),
  baseUrl: z.string(),
  apiKey: z.string(),
  headers: z.record(z.string(), z.string()),
  models: z.array(z.string()),
  direct: z.boolean().optional(),
});

const finite = z.number().finite();

/**
 * Everything the settings store persists, exactly. An imported file must match it whole; the
 * first field that does not is named to the person, and nothing is applied.
 */
export const persistedSettingsSchema = z.object({
  accessCode: z.string(),
  providerSettings: z
    .record(z.string(), providerSettings)
    .refine((record) => Object.keys(record).every((id) => providerIds.includes(id as ProviderId)), {
      message: 'unknown provider',
    }),
  lastModel: z.string().optional(),
  defaultModel: z.string().optional(),
  draftParameters: z.object({
    temperature: finite.optional(),
    topP: finite.optional(),
    maxOutputTokens: z.number().int().positive().optional(),
    presencePenalty: finite.optional(),
    frequencyPenalty: finite.optional(),
    reasoningEffort: z.enum(['minimal', 'low', 'medium', 'high']).optional(),
  }),
  draftSystemPrompt: z.string(),
  showReasoning: z.boolean(),
  reasoningCollapsed: z.boolean(),
  sendKey: z.enum(['enter', 'modifier-enter']),
  remoteImages: z.enum(['ask', 'always']),
  customEndpoints: z.array(customEndpoint),
}) satisfies z.ZodType<PersistedSettings>;
