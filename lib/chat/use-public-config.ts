'use client';

import { useEffect, useState } from 'react';
import type { PublicConfig } from '@/lib/config/public-config';
import { ParleyError } from '@/lib/errors/parley-error';
import { gatewayClient } from '@/lib/chat/gateway-client';

export type PublicConfigState =
  | { status: 'loading' }
  | { status: 'ready'; config: PublicConfig }
  | { status: 'error'; error: ParleyError };

/**
 * The server's public facts (`/api/config`), fetched once per page load; fetched again when the
 * browser comes back online after it could not be reached (a page opened offline).
 */
export function usePublicConfig(): PublicConfigState {
  const [state, setState] = useState<PublicConfigState>({ status: 'loading' });
  const [attempt, setAttempt] = useState(0);
  const unreachable = state.status === 'error' && state.error.code === 'network:offline';

  useEffect(() => {
    if (!unreachable) return;
    const retry = () => setAttempt((count) => count + 1);
    window.addEventListener('online', retry);
    return () => window.removeEventListener('online', retry);
  }, [unreachable]);

  useEffect(() => {
    let cancelled = false;
    gatewayClient
      .config()
      .then(async (response) => {
        if (!response.ok) throw await ParleyError.fromResponse(response);
        return (await response.json()) as PublicConfig;
      })
      .then((config) => !cancelled && setState({ status: 'ready', config }))
      .catch((error: unknown) => {
        if (cancelled) return;
        setState({
          status: 'error',
          error:
            error instanceof ParleyError ? error : new ParleyError('network:offline', 'offline'),
        });
      });
    return () => {
      cancelled = true;
    };
  }, [attempt]);
  return state;
}
