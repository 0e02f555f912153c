export const CHROMIUM_PATH: string;
export const AVATAR_CHROMIUM_ARGS: string[];
