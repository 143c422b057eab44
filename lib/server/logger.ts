/**
 * The server's log: one line per event, as text for people or JSON for log collectors
 * (`LOG_FORMAT=json`), filtered by `LOG_LEVEL`. Callers pass facts as fields, never a key, a
 * code, a header value or message content; the field names below are all a line can carry.
 */
export const logLevels = ['error', 'warn', 'info', 'debug'] as const;
export type LogLevel = (typeof logLevels)[number];
export type LogFormat = 'text' | 'json';

export interface LogSettings {
  level: LogLevel;
  format: LogFormat;
}

export type LogFields = Record<string, string | number | boolean | undefined>;

const rank: Record<LogLevel, number> = { error: 0, warn: 1, info: 2, debug: 3 };

/** Characters that could forge a second line or a field in the text format. */
const unsafeText = /[\s"\\\u0000-\u001f\u007f]/;

export function formatLogLine(
  level: LogLevel,
  event: string,
  fields: LogFields,
  format: LogFormat,
  time = new Date(),
): string {
  if (format === 'json') {
    const record: LogFields = { time: time.toISOString(), level, event };
    for (const name in fields) {
      if (fields[name] !== undefined) record[name] = fields[name];
    }
    return JSON.stringify(record);
  }
  // One line per request: a plain loop, no intermediate arrays.
  let line = `${time.toISOString()} ${level.toUpperCase().padEnd(5)} ${event}`;
  for (const name in fields) {
    const value = fields[name];
    if (value === undefined) continue;
    const shown = String(value);
    line += ` ${name}=${shown === '' || unsafeText.test(shown) ? JSON.stringify(shown) : shown}`;
  }
  return line;
}

export function log(
  settings: LogSettings,
  level: LogLevel,
  event: string,
  fields: LogFields = {},
): void {
  if (rank[level] > rank[settings.level]) return;
  const line = `${formatLogLine(level, event, fields, settings.format)}\n`;
  // Straight to the stream: inside Next's server `console` is wrapped (async-context tracking
  // per call), which made one log line cost more than the rest of a gateway request.
  if (level === 'error' || level === 'warn') process.stderr.write(line);
  else process.stdout.write(line);
}
