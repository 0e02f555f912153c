/** What the browser's WebGL can do, probed once per page. */
export interface GlProbe {
  webgl2: boolean;
  /** A software rasteriser (SwiftShader, llvmpipe…): render smaller and without MSAA. */
  software: boolean;
  renderer: string;
}

let cached: GlProbe | null = null;

/** Probes WebGL2 and the renderer name once (creates and releases one throwaway context). */
export function probeGl(): GlProbe {
  if (cached) return cached;
  let result: GlProbe = { webgl2: false, software: false, renderer: 'none' };
  try {
    const canvas = document.createElement('canvas');
    const gl = canvas.getContext('webgl2');
    if (gl) {
      const info = gl.getExtension('WEBGL_debug_renderer_info');
      const renderer = String(info ? gl.getParameter(info.UNMASKED_RENDERER_WEBGL) : gl.getParameter(gl.RENDERER));
      result = { webgl2: true, software: /swiftshader|llvmpipe|softpipe|software|basic render/i.test(renderer), renderer };
      gl.getExtension('WEBGL_lose_context')?.loseContext();
    }
  } catch {
    result = { webgl2: false, software: false, renderer: 'error' };
  }
  cached = result;
  return result;
}
