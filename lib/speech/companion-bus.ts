/**
 * Where the companion's voice goes in an AudioContext: the call's companion bus (a GainNode that the
 * turn worklet's gate drives on the audio thread, lib/turns/gate.ts) once the call has made one,
 * else the context's destination. Voices look it up per clip, so a bus made later is still used.
 */
const buses = new WeakMap<BaseAudioContext, AudioNode>();

export function setCompanionBus(context: BaseAudioContext, bus: AudioNode | null): void {
  if (bus) buses.set(context, bus);
  else buses.delete(context);
}

export function companionDestination(context: BaseAudioContext): AudioNode {
  return buses.get(context) ?? context.destination;
}
