import type { PersonaLook } from '@/lib/persona/types';

/** A still, friendly portrait for persona cards (the live face is drawn by CompanionFace). */
export function PersonaPortrait({ look, name, size = 120 }: { look: PersonaLook; name: string; size?: number }) {
  const w = 60 * look.faceWidth;
  return (
    <svg width={size} height={size} viewBox="0 0 120 120" role="img" aria-label={`Portrait of ${name}`}>
      <rect width="120" height="120" rx="24" fill={look.background} />
      {look.hairStyle === 'long' && <path d={`M${60 - w - 6} 60 Q60 0 ${60 + w + 6} 60 L${60 + w + 4} 108 L${60 - w - 4} 108Z`} fill={look.hair} />}
      <rect x="50" y="86" width="20" height="20" fill={look.skin} />
      <path d="M22 120 Q60 88 98 120Z" fill={look.hair === '#d9d9d9' ? '#5a6b7c' : '#4f6f8f'} />
      <ellipse cx="60" cy="58" rx={w} ry="36" fill={look.skin} />
      {look.hairStyle === 'bun' && <circle cx="60" cy="16" r="12" fill={look.hair} />}
      {look.hairStyle === 'curly' ? (
        [38, 48, 60, 72, 82].map((x) => <circle key={x} cx={x} cy={x === 60 ? 24 : 28} r="10" fill={look.hair} />)
      ) : (
        <path d={`M${60 - w} 52 Q60 ${look.hairStyle === 'short' ? 10 : 6} ${60 + w} 52 Q60 30 ${60 - w} 52Z`} fill={look.hair} />
      )}
      <ellipse cx="47" cy="58" rx="4" ry="4.5" fill={look.eyes} />
      <ellipse cx="73" cy="58" rx="4" ry="4.5" fill={look.eyes} />
      <path d="M41 49 Q47 46 53 49" stroke={look.hair === '#d9d9d9' ? '#9a9a9a' : look.hair} strokeWidth="2.5" fill="none" strokeLinecap="round" />
      <path d="M67 49 Q73 46 79 49" stroke={look.hair === '#d9d9d9' ? '#9a9a9a' : look.hair} strokeWidth="2.5" fill="none" strokeLinecap="round" />
      <path d="M49 75 Q60 83 71 75" stroke="#8a3b3b" strokeWidth="3" fill="none" strokeLinecap="round" />
      <ellipse cx="40" cy="70" rx="5" ry="3" fill="#e88" opacity="0.25" />
      <ellipse cx="80" cy="70" rx="5" ry="3" fill="#e88" opacity="0.25" />
    </svg>
  );
}
