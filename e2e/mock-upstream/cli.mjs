// @ts-check
/**
 * Runs the mock upstream as a process, for Playwright's webServer and the benchmarks:
 *   node e2e/mock-upstream/cli.mjs --port 43110 [--host 127.0.0.1] [--accepted-keys k1,k2]
 */
import { parseArgs } from 'node:util';
import { startMockUpstream } from './server.mjs';

const USAGE =
  'usage: node e2e/mock-upstream/cli.mjs --port 43110 [--host 127.0.0.1] [--accepted-keys k1,k2]';

/** @returns {import('./server.mjs').MockUpstreamOptions} */
function readOptions() {
  const { values } = parseArgs({
    options: {
      port: { type: 'string', default: '43110' },
      host: { type: 'string', default: '127.0.0.1' },
      'accepted-keys': { type: 'string' },
    },
  });
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new Error(`--port must be an integer from 0 to 65535, got "${values.port}"`);
  }
  const keys = values['accepted-keys']
    ?.split(',')
    .map((key) => key.trim())
    .filter((key) => key !== '');
  return { port, host: values.host, acceptedKeys: keys && keys.length > 0 ? keys : undefined };
}

async function main() {
  /** @type {import('./server.mjs').MockUpstreamOptions} */
  let options;
  try {
    options = readOptions();
  } catch (error) {
    console.error(error instanceof Error ? error.message : String(error));
    console.error(USAGE);
    process.exit(2);
  }
  const upstream = await startMockUpstream(options);
  console.log(`mock upstream listening on ${upstream.url}`);

  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    await upstream.close();
    process.exit(0);
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
}

main().catch((error) => {
  console.error('mock upstream failed to start:', error);
  process.exit(1);
});
