import { activeBranch } from '@/lib/chat/conversation-tree';
import type { ChatMessage, Conversation } from './chat-types';

/** The words the reader sees, from the UI's messages so the file is in the user's language. */
export interface MarkdownLabels {
  user: string;
  assistant: string;
  reasoning: string;
  /** Stands in for an attached picture: base64 data would swamp the text. */
  image: string;
}

/** The branch on screen as Markdown: the title, then one section per message. */
export function conversationToMarkdown(conversation: Conversation, labels: MarkdownLabels): string {
  const title = conversation.title.replace(/\s+/g, ' ').trim();
  const sections = title ? [`# ${title}`] : [];
  for (const message of activeBranch(conversation)) sections.push(section(message, labels));
  return `${sections.join('\n\n')}\n`;
}

function section(message: ChatMessage, labels: MarkdownLabels): string {
  const model = message.role === 'assistant' ? answeringModel(message) : undefined;
  const speaker = message.role === 'user' ? labels.user : labels.assistant;
  const parts = [`## ${speaker}${model ? ` (${model})` : ''}`];
  const reasoning = message.reasoning?.trim();
  if (reasoning) parts.push(`**${labels.reasoning}**`, quote(reasoning));
  if (message.images?.length) parts.push(message.images.map(() => `[${labels.image}]`).join(' '));
  const content = message.content.trim();
  if (content) parts.push(content);
  return parts.join('\n\n');
}

/** The model that answered, else the one asked without its `provider:` or `endpoint/<id>:`. */
function answeringModel(message: ChatMessage): string | undefined {
  if (message.responseModel) return message.responseModel;
  if (!message.model) return undefined;
  return message.model.slice(message.model.indexOf(':') + 1);
}

function quote(text: string): string {
  return text
    .split('\n')
    .map((line) => (line.trim() ? `> ${line}` : '>'))
    .join('\n');
}
