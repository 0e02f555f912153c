export const HARNESS_PORT: number;
/** Serves bench/avatar/out/ on 127.0.0.1:port. */
export function startServer(port?: number): Promise<{ url: string; close: () => Promise<void> }>;
