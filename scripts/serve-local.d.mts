export interface LocalServer {
  base: string;
  log(): string;
  sql(command: string): Record<string, number | string | null>[];
  stop(): void;
}
export function loadConfig(): string;
export function serveLocal(options?: { port?: number; vars?: Record<string, string>; config?: string }): Promise<LocalServer>;
