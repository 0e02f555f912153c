// Generates the PWA icons (any + maskable) from one SVG drawn here. Run: npm run icons
import { mkdirSync, writeFileSync } from 'node:fs';
import sharp from 'sharp';

const face = (scale) => `
  <g transform="translate(256 256) scale(${scale}) translate(-256 -256)">
    <circle cx="256" cy="256" r="190" fill="#f4d3b4"/>
    <circle cx="196" cy="230" r="20" fill="#2f3b3a"/>
    <circle cx="316" cy="230" r="20" fill="#2f3b3a"/>
    <path d="M176 300 Q256 372 336 300" stroke="#2f3b3a" stroke-width="24" fill="none" stroke-linecap="round"/>
  </g>`;
const any = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 512 512"><rect width="512" height="512" rx="112" fill="#2f5d50"/>${face(0.92)}</svg>`;
// Maskable: full-bleed background, content inside the 80 % safe zone.
const maskable = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 512 512"><rect width="512" height="512" fill="#2f5d50"/>${face(0.72)}</svg>`;

mkdirSync('public/icons', { recursive: true });
writeFileSync('public/icons/icon.svg', any);
for (const size of [72, 96, 128, 144, 152, 192, 256, 384, 512]) {
  await sharp(Buffer.from(any)).resize(size, size).png().toFile(`public/icons/icon-${size}.png`);
}
for (const size of [192, 512]) {
  await sharp(Buffer.from(maskable)).resize(size, size).png().toFile(`public/icons/maskable-${size}.png`);
}
await sharp(Buffer.from(maskable)).resize(180, 180).png().toFile('public/icons/apple-touch-icon.png');
await sharp(Buffer.from(any)).resize(32, 32).png().toFile('public/icons/favicon-32.png');
console.log('icons: written to public/icons/');
