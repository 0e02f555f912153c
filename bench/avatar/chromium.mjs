// Chromium flags shared by the avatar bench and the avatar e2e spec: headless, no network
// chatter, WebGL2 through SwiftShader (software GL) so it runs on machines without a GPU.
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const AVATAR_CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
  '--enable-unsafe-swiftshader',
  '--use-angle=swiftshader',
  '--enable-precise-memory-info',
];
