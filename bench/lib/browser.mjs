// @ts-check
/** Debian's Chromium, started as the e2e suite starts it; never a downloaded browser. */
import { existsSync } from 'node:fs';
import { chromium } from '@playwright/test';

export function launchBrowser() {
  const executablePath = ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find((path) =>
    existsSync(path),
  );
  return chromium.launch({
    executablePath,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
}

/**
 * Seeds the app's IndexedDB with conversations, through the page, the way the app stores them
 * (one record per conversation in 'conversations', keyed by id). The app must have opened the
 * database once (load the page first).
 * @param {import('@playwright/test').Page} page
 * @param {unknown[]} conversations
 */
export async function seedConversations(page, conversations) {
  await page.evaluate(
    (records) =>
      new Promise((resolve, reject) => {
        const request = indexedDB.open('parley');
        request.onerror = () => reject(request.error);
        request.onsuccess = () => {
          const database = request.result;
          const transaction = database.transaction('conversations', 'readwrite');
          const store = transaction.objectStore('conversations');
          for (const record of records)
            store.put(record, /** @type {{ id: string }} */ (record).id);
          transaction.oncomplete = () => {
            database.close();
            resolve(undefined);
          };
          transaction.onerror = () => reject(transaction.error);
        };
      }),
    conversations,
  );
}

/**
 * A conversation with `count` messages of prose, code and math, as the chat stores it.
 * @param {string} id
 * @param {number} count
 * @param {number} updatedAt
 * @param {string} model the conversation's model choice
 */
export function conversationWith(id, count, updatedAt, model = 'openrouter:mock/bench') {
  const messages = [];
  for (let index = 0; index < count; index++) {
    const user = index % 2 === 0;
    messages.push({
      id: `${id}-${index}`,
      parentId: index === 0 ? undefined : `${id}-${index - 1}`,
      role: user ? 'user' : 'assistant',
      content: user
        ? `Question ${index}: how does this work?`
        : `Answer ${index}. Here is code:\n\n\`\`\`ts\nconst value${index} = compute(${index});\nconsole.log(value${index});\n\`\`\`\n\nAnd math: $E = mc^2$ and\n\n$$\\sum_{k=1}^{${index}} k = \\frac{n(n+1)}{2}$$\n\n- a point\n- another point`,
      status: 'done',
      model: 'openrouter:mock/bench',
      createdAt: updatedAt - (count - index) * 1000,
    });
  }
  return {
    id,
    title: `Conversation ${id}`,
    titleSource: 'auto',
    model,
    createdAt: updatedAt - count * 1000,
    updatedAt,
    messages,
    leafId: messages.at(-1)?.id,
  };
}
