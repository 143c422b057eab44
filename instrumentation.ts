/**
 * Runs once when the server starts: a configuration mistake (a short access code, a malformed
 * URL) stops `npm start` with a message naming the variable, instead of failing every request.
 */
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  const { ConfigError, loadServerConfig } = await import('./lib/server/server-config');
  try {
    loadServerConfig(process.env);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    console.error(`[parley] refusing to start, the configuration is invalid: ${error.message}`);
    // On Vercel the process is not ours to end; every request reports config:invalid instead.
    if (!process.env.VERCEL) process.exit(1);
  }
}
