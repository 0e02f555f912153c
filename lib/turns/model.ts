import { wordNetFor, type LexicalModelJson } from './lexical';

/**
 * Gradient-boosted regression trees (binary log-loss) loaded from JSON and evaluated in
 * pure TypeScript over flat typed arrays: no allocation per call.
 */

/** JSON weights file as written by training/turns/train.py. */
export interface TurnModelJson {
  format: 'kin-turns-gbdt';
  version: number;
  featureNames: string[];
  /** Initial raw score (log-odds). */
  baseScore: number;
  learningRate: number;
  /** Per tree, per node: split feature (-1 = leaf), threshold (go left when x <= t), children, leaf value. */
  trees: { feature: number[]; threshold: number[]; left: number[]; right: number[]; value: number[] }[];
  /** Word-level lexical model feeding the `lexEndProb` feature. */
  lexical?: LexicalModelJson;
  /** Decision policy parameters tuned on the training corpus' validation split. */
  policy: TurnPolicyParams;
  /** Free-form provenance (training corpus, seed, metrics on the validation split). */
  meta?: Record<string, unknown>;
}

/** Thresholds the decision policy applies to the floor probability. */
export interface TurnPolicyParams {
  /** Floor probability at which to emit `speculate`, 0..1. */
  speculateThreshold: number;
  /** Floor probability at which to emit `commit`, 0..1. */
  commitThreshold: number;
  /** Shortest pause before a `speculate` or `commit`, ms. */
  minPauseMs: number;
  /** Pause after which the floor is taken regardless of the model, ms. */
  maxPauseMs: number;
  /**
   * Shortest pause for a model commit while no recognizer fragment covers the latest speech, ms
   * (a pause inside a long sentence, real speech without a recognizer): there the trees judge by
   * prosody alone, which synthetic voices make look surer than it is. Absent: `minPauseMs`.
   */
  noWordsMinPauseMs?: number;
  /**
   * Commit threshold while no recognizer fragment covers the latest speech (a browser without
   * speech recognition, real speech whose words lag): the trees' probability there rests on
   * prosody and pause alone and seldom reaches `commitThreshold` (v7). Absent: `commitThreshold`.
   */
  noWordsCommitThreshold?: number;
}

/** Speculation threshold for a commit threshold: 0.6 of it, rounded to 4 places, as training/turns/train.py sets it. */
export function speculateThresholdFor(commitThreshold: number): number {
  return Math.round(commitThreshold * 0.6 * 1e4) / 1e4;
}

export class TurnModelError extends Error {
  readonly code = 'model:load' as const;
}

export class TurnModel {
  readonly featureCount: number;
  readonly policy: TurnPolicyParams;
  readonly lexical: LexicalModelJson | undefined;
  private readonly feature: Int32Array;
  private readonly threshold: Float64Array;
  private readonly left: Int32Array;
  private readonly right: Int32Array;
  private readonly value: Float64Array;
  private readonly roots: Int32Array;
  private readonly baseScore: number;
  private readonly learningRate: number;

  constructor(json: TurnModelJson, expectedFeatures?: readonly string[]) {
    if (json.format !== 'kin-turns-gbdt') throw new TurnModelError(`unknown model format ${String(json.format)}`);
    // Features are only ever appended, so a model trained on a prefix of them still applies.
    if (expectedFeatures && json.featureNames.join(',') !== expectedFeatures.slice(0, json.featureNames.length).join(',')) {
      throw new TurnModelError('model features do not match lib/turns/features.ts');
    }
    this.featureCount = json.featureNames.length;
    this.policy = { ...json.policy };
    this.lexical = json.lexical;
    // Build the word net now: broken weights fail the load, not every transcript fragment later.
    if (json.lexical?.kind === 'gru') wordNetFor(json.lexical);
    let total = 0;
    for (const tree of json.trees) total += tree.feature.length;
    this.feature = new Int32Array(total);
    this.threshold = new Float64Array(total);
    this.left = new Int32Array(total);
    this.right = new Int32Array(total);
    this.value = new Float64Array(total);
    this.roots = new Int32Array(json.trees.length);
    let offset = 0;
    json.trees.forEach((tree, t) => {
      this.roots[t] = offset;
      for (let i = 0; i < tree.feature.length; i++) {
        const f = tree.feature[i];
        if (f >= this.featureCount) throw new TurnModelError(`tree ${t} uses feature ${f}`);
        this.feature[offset + i] = f;
        this.threshold[offset + i] = tree.threshold[i];
        this.left[offset + i] = f < 0 ? -1 : offset + tree.left[i];
        this.right[offset + i] = f < 0 ? -1 : offset + tree.right[i];
        this.value[offset + i] = tree.value[i];
      }
      offset += tree.feature.length;
    });
    this.baseScore = json.baseScore;
    this.learningRate = json.learningRate;
  }

  /** Raw score (log-odds) of one feature vector. */
  score(features: ArrayLike<number>): number {
    let sum = 0;
    const { feature, threshold, left, right, value, roots } = this;
    for (let t = 0; t < roots.length; t++) {
      let node = roots[t];
      let f = feature[node];
      while (f >= 0) {
        node = features[f] <= threshold[node] ? left[node] : right[node];
        f = feature[node];
      }
      sum += value[node];
    }
    return this.baseScore + this.learningRate * sum;
  }

  /** Probability that the user is yielding the floor, 0..1. */
  floorProbability(features: ArrayLike<number>): number {
    return 1 / (1 + Math.exp(-this.score(features)));
  }
}
