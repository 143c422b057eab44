import { createContext } from 'react';

/**
 * Whether the markdown block being rendered is finished. The last block of a streaming answer is
 * not while its code fence is open; diagrams and previews wait for it.
 */
export const BlockCompleteContext = createContext(true);
