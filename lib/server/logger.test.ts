import { describe, expect, it } from 'vitest';
import { formatLogLine } from './logger';
import { loadServerConfig } from './server-config';

const time = new Date('2026-12-05T10:00:00.000Z');

describe('the server log', () => {
  it('writes one text line of fields, quoting what could forge another line or field', () => {
    const line = formatLogLine(
      'info',
      'gateway',
      { provider: 'openrouter', model: 'a b\nINFO forged=1', status: 200, skipped: undefined },
      'text',
      time,
    );
    expect(line).toBe(
      '2026-12-05T10:00:00.000Z INFO  gateway provider=openrouter model="a b\\nINFO forged=1" status=200',
    );
    expect(line.split('\n')).toHaveLength(1);
  });

  it('writes one JSON object a line for log collectors', () => {
    const line = formatLogLine('warn', 'upstream_failed', { reason: 'ECONNREFUSED' }, 'json', time);
    expect(JSON.parse(line)).toEqual({
      time: '2026-12-05T10:00:00.000Z',
      level: 'warn',
      event: 'upstream_failed',
      reason: 'ECONNREFUSED',
    });
  });

  it('reads LOG_LEVEL and LOG_FORMAT, refusing values it does not know', () => {
    expect(loadServerConfig({}).log).toEqual({ level: 'info', format: 'text' });
    expect(loadServerConfig({ LOG_LEVEL: 'DEBUG', LOG_FORMAT: 'json' }).log).toEqual({
      level: 'debug',
      format: 'json',
    });
    expect(() => loadServerConfig({ LOG_LEVEL: 'verbose' })).toThrow(/LOG_LEVEL: must be one of/);
    expect(() => loadServerConfig({ LOG_FORMAT: 'xml' })).toThrow(/LOG_FORMAT/);
  });
});
