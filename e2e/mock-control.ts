import { mockUrl } from './e2e-environment.mjs';

/** What the mock upstream recorded, read over HTTP exactly as a test outside the process would. */
export interface RecordedRequest {
  method: string;
  path: string;
  query: Record<string, string>;
  headers: Record<string, string>;
  body: unknown;
}

export async function resetMock(): Promise<void> {
  await fetch(`${mockUrl}/__mock/reset`, { method: 'POST' });
}

export async function mockRequests(): Promise<RecordedRequest[]> {
  return (await (await fetch(`${mockUrl}/__mock/requests`)).json()) as RecordedRequest[];
}

/** The requests that asked for an answer; model-list discovery runs alongside and is left out. */
export async function mockChatRequests(): Promise<RecordedRequest[]> {
  return (await mockRequests()).filter((request) => request.method === 'POST');
}

export async function lastMockRequest(): Promise<RecordedRequest | undefined> {
  return (await mockChatRequests()).at(-1);
}

export async function mockStats(): Promise<{ open: number; aborted: number; completed: number }> {
  return (await (await fetch(`${mockUrl}/__mock/stats`)).json()) as {
    open: number;
    aborted: number;
    completed: number;
  };
}
