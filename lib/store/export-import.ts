import { z } from 'zod';
import { isErrorCode, type ErrorCode } from '@/lib/errors/error-codes';
import { conversationFields, conversationSchemaVersion, type Conversation } from './chat-types';
import { migrateConversation } from './conversation-migrations';

/**
 * All conversations as one JSON file, in an envelope that names its schema version so a later
 * Parley can migrate it. A Conversation holds no API keys or access codes by construction (they
 * live in the settings store), so the export carries none and nothing needs stripping here.
 */
export function exportAllJson(conversations: Conversation[]): string {
  const envelope = {
    app: 'parley',
    kind: 'conversations',
    version: conversationSchemaVersion,
    exportedAt: new Date().toISOString(),
    conversations,
  };
  return JSON.stringify(envelope, null, 2);
}

export class ImportError extends Error {
  /** `newer-version`: made by a newer Parley, whose data this one cannot read safely. */
  readonly reason: 'invalid-json' | 'not-parley' | 'newer-version';
  constructor(reason: ImportError['reason'], options?: ErrorOptions) {
    super(`Cannot import: ${reason}`, options);
    this.name = 'ImportError';
    this.reason = reason;
  }
}

const envelopeSchema = z.object({
  app: z.literal('parley'),
  kind: z.literal('conversations'),
  version: z.number().int().positive(),
  conversations: z.array(z.unknown()),
});

const optionalNumber = z.number().optional();

const imageSchema = z.object({
  id: z.string(),
  // Only pictures carried in the file itself: a remote URL would be fetched when shown.
  dataUrl: z.string().regex(/^data:image\/(png|jpeg|webp|gif);base64,[A-Za-z0-9+/]+=*$/),
  mimeType: z.enum(['image/png', 'image/jpeg', 'image/webp', 'image/gif']),
  width: z.number().int().positive(),
  height: z.number().int().positive(),
});

const messageSchema = z.object({
  id: z.string().min(1),
  parentId: z.string().optional(),
  role: z.enum(['user', 'assistant']),
  content: z.string(),
  images: z.array(imageSchema).optional(),
  reasoning: z.string().optional(),
  reasoningSignature: z.string().optional(),
  // No stream runs for an imported message: one saved mid-stream was cut off.
  status: z
    .enum(['streaming', 'done', 'error', 'interrupted', 'stopped'])
    .transform((status) => (status === 'streaming' ? 'interrupted' : status)),
  // An error code this version does not know (a newer export) loses its details, not the message.
  error: z
    .object({
      code: z.custom<ErrorCode>(isErrorCode),
      detail: z.string().optional(),
      retryAfterSeconds: optionalNumber,
    })
    .optional()
    .catch(undefined),
  model: z.string().optional(),
  responseModel: z.string().optional(),
  usage: z
    .object({
      inputTokens: optionalNumber,
      outputTokens: optionalNumber,
      reasoningTokens: optionalNumber,
      cost: optionalNumber,
    })
    .optional(),
  reasoningStartedAt: optionalNumber,
  reasoningDurationMs: optionalNumber,
  firstTokenMs: optionalNumber,
  streamingMs: optionalNumber,
  createdAt: z.number(),
});

export const conversationSchema = z
  .object({
    id: z.string().min(1),
    title: z.string(),
    titleSource: z.enum(['auto', 'user']).optional(),
    model: z.string(),
    parameters: z
      .object({
        temperature: optionalNumber,
        topP: optionalNumber,
        maxOutputTokens: optionalNumber,
        presencePenalty: optionalNumber,
        frequencyPenalty: optionalNumber,
        reasoningEffort: z.enum(['minimal', 'low', 'medium', 'high']).optional(),
      })
      .optional(),
    systemPrompt: z.string().optional(),
    pinned: z.boolean().optional(),
    createdAt: z.number(),
    updatedAt: z.number(),
    messages: z.array(messageSchema),
    leafId: z.string().optional(),
    fieldTimes: z.partialRecord(z.enum(conversationFields), z.number()).optional(),
    deletedMessageIds: z.array(z.string()).max(100_000).optional(),
  })
  .refine(isTree, 'The messages do not form a tree ending at leafId');

/**
 * Reads an exported file. A file that is not a Parley export is refused whole (ImportError);
 * a conversation inside it that does not validate is skipped and counted. Unknown fields are
 * dropped, so nothing but conversation data gets in.
 */
export function parseImport(text: string): { conversations: Conversation[]; skipped: number } {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new ImportError('invalid-json', { cause: error });
  }
  const envelope = envelopeSchema.safeParse(json);
  if (!envelope.success) throw new ImportError('not-parley', { cause: envelope.error });
  const { version, conversations: entries } = envelope.data;
  if (version > conversationSchemaVersion) throw new ImportError('newer-version');
  const conversations: Conversation[] = [];
  for (const entry of entries) {
    const current =
      version < conversationSchemaVersion ? migrateConversation(entry, version) : entry;
    const parsed = conversationSchema.safeParse(current);
    if (parsed.success) conversations.push(parsed.data);
  }
  return { conversations, skipped: entries.length - conversations.length };
}

/**
 * The conversations to save after an import: new ones, and stored ones the import adds to.
 * Matched by id, never duplicated. The imported copy's title, settings and branch win only when
 * it was changed later; messages are the union of both, the stored copy winning on an id clash.
 */
export function mergeImported(existing: Conversation[], imported: Conversation[]): Conversation[] {
  const stored = new Map(existing.map((conversation) => [conversation.id, conversation]));
  const changed = new Map<string, Conversation>();
  for (const incoming of imported) {
    const kept = changed.get(incoming.id) ?? stored.get(incoming.id);
    const merged = kept ? mergeInto(kept, incoming) : incoming;
    if (merged !== kept) changed.set(incoming.id, merged);
  }
  return [...changed.values()];
}

function mergeInto(kept: Conversation, incoming: Conversation): Conversation {
  const known = new Set(kept.messages.map((message) => message.id));
  const added = incoming.messages.filter((message) => !known.has(message.id));
  const newer = incoming.updatedAt > kept.updatedAt;
  if (!newer && added.length === 0) return kept;
  return { ...(newer ? incoming : kept), messages: [...kept.messages, ...added] };
}

/** Unique ids, every parent present, no cycle, and a leaf that exists: what the UI walks. */
function isTree(conversation: {
  messages: { id: string; parentId?: string }[];
  leafId?: string;
}): boolean {
  const parents = new Map(conversation.messages.map((message) => [message.id, message.parentId]));
  if (parents.size !== conversation.messages.length) return false;
  if (conversation.leafId !== undefined && !parents.has(conversation.leafId)) return false;
  const rooted = new Set<string>();
  for (const start of parents.keys()) {
    const path = new Set<string>();
    let current: string | undefined = start;
    while (current !== undefined && !rooted.has(current)) {
      if (path.has(current) || !parents.has(current)) return false;
      path.add(current);
      current = parents.get(current);
    }
    for (const id of path) rooted.add(id);
  }
  return true;
}
