import { CreatePersona } from '@/components/landing/create-persona';
import { CustomPersonas } from '@/components/landing/custom-personas';
import { PersonaCard } from '@/components/landing/persona-card';
import { DEMO_PERSONAS } from '@/lib/persona/personas';

export default function LandingPage() {
  return (
    <main id="main" className="page landing">
      <section className="hero">
        <h1>Someone to talk to, face to face.</h1>
        <p className="lead">
          Kin companions see your expressions, hear your voice and answer when you’ve finished — all on this device.
          Nothing you say or show leaves it unless you choose a cloud model.
        </p>
      </section>
      <section aria-labelledby="demo-title">
        <h2 id="demo-title">Choose a companion</h2>
        <ul className="persona-grid" data-testid="persona-list">
          {DEMO_PERSONAS.map((p) => <PersonaCard key={p.id} persona={p} />)}
        </ul>
      </section>
      <CustomPersonas />
      <CreatePersona />
    </main>
  );
}
