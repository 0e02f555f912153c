import { proxyTargetError } from '@/lib/brain/proxy-policy';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

/**
 * Thin pass-through to an OpenAI-compatible cloud endpoint chosen by the user (for providers that
 * do not allow browser CORS). Nothing is stored or logged; the key travels in a header per request.
 */
export async function POST(request: Request): Promise<Response> {
  const origin = request.headers.get('origin');
  if (origin && new URL(origin).host !== request.headers.get('host')) {
    return Response.json({ error: { message: 'Cross-site requests are not allowed.' } }, { status: 403 });
  }
  const endpoint = request.headers.get('x-kin-endpoint') ?? '';
  const problem = proxyTargetError(endpoint);
  if (problem) return Response.json({ error: { message: problem } }, { status: 400 });
  const key = request.headers.get('x-kin-key');
  const upstream = await fetch(`${endpoint.replace(/\/+$/, '')}/chat/completions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(key ? { authorization: `Bearer ${key}` } : {}) },
    body: await request.text(),
    signal: request.signal,
  }).catch((error: unknown) => Response.json({ error: { message: `Could not reach ${new URL(endpoint).host}: ${String(error)}` } }, { status: 502 }));
  return new Response(upstream.body, {
    status: upstream.status,
    headers: { 'content-type': upstream.headers.get('content-type') ?? 'application/json', 'cache-control': 'no-store' },
  });
}
