import { CallScreen } from '@/components/call/call-screen';
import { DEMO_PERSONAS } from '@/lib/persona/personas';

export function generateStaticParams() {
  return DEMO_PERSONAS.map((p) => ({ persona: p.id }));
}

export default async function CallPage({ params }: { params: Promise<{ persona: string }> }) {
  const { persona } = await params;
  return <CallScreen personaId={decodeURIComponent(persona)} />;
}
