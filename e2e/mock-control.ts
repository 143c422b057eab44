import { mockUrl } from './e2e-environment';

/** What the mock upstream recorded, read over HTTP exactly as a test outside the process would. */
export interface RecordedRequest {
  method: string;
  path: string;
  headers: Record<string, string>;
  body: unknown;
}

export async function resetMock(): Promise<void> {
  await fetch(`${mockUrl}/__mock/reset`, { method: 'POST' });
}

export async function mockRequests(): Promise<RecordedRequest[]> {
  return (await (await fetch(`${mockUrl}/__mock/requests`)).json()) as RecordedRequest[];
}

export async function lastMockRequest(): Promise<RecordedRequest | undefined> {
  const response = await fetch(`${mockUrl}/__mock/last-request`);
  return response.ok ? ((await response.json()) as RecordedRequest) : undefined;
}

export async function mockStats(): Promise<{ open: number; aborted: number; completed: number }> {
  return (await (await fetch(`${mockUrl}/__mock/stats`)).json()) as {
    open: number;
    aborted: number;
    completed: number;
  };
}
