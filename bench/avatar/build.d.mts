/** Output folder of the bundled harness. */
export const OUT_DIR: string;
/** Builds the harness; resolves to the build time in ms. */
export function buildHarness(): Promise<number>;
