import type { MetadataRoute } from 'next';

export default function manifest(): MetadataRoute.Manifest {
  return {
    name: 'Kin — your on-device companion',
    short_name: 'Kin',
    description: 'Video-chat with a warm AI companion that runs on your device.',
    start_url: '/',
    scope: '/',
    display: 'standalone',
    orientation: 'any',
    background_color: '#f7f5f2',
    theme_color: '#2f5d50',
    categories: ['lifestyle', 'health', 'education'],
    icons: [
      ...[72, 96, 128, 144, 152, 192, 256, 384, 512].map((size) => ({
        src: `/icons/icon-${size}.png`, sizes: `${size}x${size}`, type: 'image/png', purpose: 'any' as const,
      })),
      { src: '/icons/maskable-192.png', sizes: '192x192', type: 'image/png', purpose: 'maskable' },
      { src: '/icons/maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
    ],
  };
}
