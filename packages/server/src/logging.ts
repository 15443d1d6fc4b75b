/** Structured logs: one JSON object per line, with at least `level`, `time` and `msg`. */
export interface Logger {
  info(entry: LogEntry): void;
  warn(entry: LogEntry): void;
  error(entry: LogEntry): void;
}
export type LogEntry = { readonly msg: string } & Record<string, unknown>;

export type LogLevel = 'debug' | 'info' | 'warn' | 'error' | 'silent';
const rank: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40, silent: 100 };

export function isLogLevel(value: string): value is LogLevel {
  return value in rank;
}

/** A JSON-lines logger. `write` receives one line without its newline (default: console). */
export function createJsonLogger(options: { level?: LogLevel; write?: (line: string) => void; now?: () => Date } = {}): Logger {
  const threshold = rank[options.level ?? 'info'];
  const write = options.write ?? ((line: string) => console.log(line));
  const now = options.now ?? (() => new Date());
  const at = (level: 'info' | 'warn' | 'error') => (entry: LogEntry) => {
    if (rank[level] < threshold) return;
    write(JSON.stringify({ time: now().toISOString(), level, ...entry }));
  };
  return { info: at('info'), warn: at('warn'), error: at('error') };
}

export const silentLogger: Logger = { info() {}, warn() {}, error() {} };
