import { speculateThresholdFor, type TurnPolicyParams } from './model';

/**
 * How long the companion waits when the user pauses, as the user chose it in Settings ("When I
 * pause"). 'balanced' is the shipped model's own policy (chosen by training/turns/train.py).
 * 'patient' takes the floor only when the model is surer, and after 3 s of silence without it
 * (not 1.9 s): for people who pause to think mid-sentence. It interrupts less and answers later
 * (docs/benchmarks.md, session 17). A quicker setting was measured and left out: taking the floor
 * after 1.2 s of silence interrupted 556 times on the twelve evaluation corpora, against 34.
 */
export type TurnPatience = 'balanced' | 'patient';

export const TURN_PATIENCE: readonly TurnPatience[] = ['balanced', 'patient'];

/** Commit threshold and silence fallback of 'patient'. */
const PATIENT = { commitThreshold: 0.96, maxPauseMs: 3000 } as const;

/** The model's policy adjusted to the user's patience; 'patient' never takes the floor sooner than the model's own policy. */
export function policyForPatience(policy: TurnPolicyParams, patience: TurnPatience): TurnPolicyParams {
  if (patience === 'balanced') return { ...policy };
  const commitThreshold = Math.max(policy.commitThreshold, PATIENT.commitThreshold);
  return {
    ...policy,
    commitThreshold,
    speculateThreshold: speculateThresholdFor(commitThreshold),
    noWordsCommitThreshold: Math.max(policy.noWordsCommitThreshold ?? policy.commitThreshold, PATIENT.commitThreshold),
    maxPauseMs: Math.max(policy.maxPauseMs, PATIENT.maxPauseMs),
  };
}

/** Reads a stored setting: anything unknown is 'balanced'. */
export function toTurnPatience(value: unknown): TurnPatience {
  return TURN_PATIENCE.includes(value as TurnPatience) ? (value as TurnPatience) : 'balanced';
}
