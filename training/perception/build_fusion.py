#!/usr/bin/python3
"""Builds the early-fusion ONNX graph (public/models/fusion/kin-fusion.onnx) from published findings.

No training data: every weight below is a hand-set rule taken from the facial-action and vocal-affect
literature (see docs/perception.md for sources and reasoning). The graph takes a sliding window of the
concatenated visual + audio feature vector and outputs probabilities over 13 named states and continuous
affect (valence, arousal in -1..1; engagement 0..1).

Graph: window [1,T,D] -> recency-weighted mean over time and min over time -> [1,2D]
       -> ReLU "evidence units" (conjunctions such as AU6 AND AU12) -> [1,H]
       -> linear over [features, units] -> softmax (states) ; tanh/sigmoid (affect).

Run: /usr/bin/python3 training/perception/build_fusion.py   (Debian python3-onnx and python3-numpy)
"""
import json
import os

import numpy as np
import onnx
from onnx import TensorProto, helper, numpy_helper

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
OUT_DIR = os.path.join(ROOT, 'public', 'models', 'fusion')

# Must match lib/perception/fusion-input.ts (a unit test checks the metadata written below).
VISUAL = ['cameraOn', 'facePresent', 'AU1_innerBrowRaise', 'AU2_outerBrowRaise', 'AU4_browLower', 'AU5_upperLidRaise',
          'AU6_cheekRaise', 'AU7_lidTighten', 'AU9_noseWrinkle', 'AU10_upperLipRaise', 'AU12_lipCornerPull', 'AU14_dimple',
          'AU15_lipCornerDepress', 'AU17_chinRaise', 'AU20_lipStretch', 'AU23_lipPress', 'AU26_jawDrop', 'AU43_eyesClosed',
          'headTurn', 'headDown', 'gazeOff', 'blinkRate', 'headMotion']
AUDIO = ['voicePresent', 'speechActivity', 'pitchZ', 'pitchRangeZ', 'pitchSlopeZ', 'loudnessZ', 'jitterZ', 'shimmerZ',
         'rateZ', 'pauseRatio']
FEATURES = VISUAL + AUDIO
D = len(FEATURES)
T = 16
STATES = ['calm', 'happy', 'amused', 'interested', 'thinking', 'hesitant', 'confused', 'anxious', 'sad', 'frustrated',
          'surprised', 'tired', 'distracted']
AFFECT = ['valence', 'arousal', 'engagement']


def mean(name):
    return FEATURES.index(name)


def minimum(name):
    return D + FEATURES.index(name)


# Evidence units: name -> (weights over pooled features, bias). Unit = ReLU(sum w*x + bias).
# Action-unit prototypes after Ekman & Friesen's EMFACS / FACS Investigator's Guide (2002):
#   happy AU6+AU12, sad AU1+AU4+AU15(+AU17), surprise AU1+AU2+AU5+AU26, anger AU4+AU5+AU7+AU23,
#   fear AU1+AU2+AU4+AU5+AU20(+AU26), disgust AU9+AU15(+AU10).
# MediaPipe's blendshapes are weak for some units (mouthFrown, noseSneer, mouthStretch rarely pass 0.3),
# so those get larger weights. Biases are thresholds: a unit fires only when the conjunction is present.
UNITS = {
    'smile':     ({'AU12_lipCornerPull': 1.0, 'AU6_cheekRaise': 0.6}, -0.20),
    'duchenne':  ({'AU12_lipCornerPull': 1.0, 'AU6_cheekRaise': 1.2}, -0.55),
    'laugh':     ({'AU12_lipCornerPull': 1.0, 'AU26_jawDrop': 1.2, 'loudnessZ': 0.08}, -0.90),
    'sadFace':   ({'AU1_innerBrowRaise': 0.8, 'AU15_lipCornerDepress': 2.0, 'AU4_browLower': 0.4, 'AU17_chinRaise': 0.8,
                   'AU12_lipCornerPull': -1.5}, -0.30),
    'surprise':  ({'AU1_innerBrowRaise': 0.5, 'AU2_outerBrowRaise': 0.8, 'AU5_upperLidRaise': 1.5, 'AU26_jawDrop': 0.8,
                   'AU4_browLower': -0.8}, -0.50),
    'anger':     ({'AU4_browLower': 1.4, 'AU7_lidTighten': 0.5, 'AU23_lipPress': 0.8, 'AU5_upperLidRaise': 0.3,
                   'AU9_noseWrinkle': 0.3, 'AU12_lipCornerPull': -1.0}, -0.40),
    'fear':      ({'AU1_innerBrowRaise': 0.7, 'AU2_outerBrowRaise': 0.3, 'AU4_browLower': 0.6, 'AU5_upperLidRaise': 1.2,
                   'AU20_lipStretch': 2.0, 'AU12_lipCornerPull': -0.8}, -0.60),
    'disgust':   ({'AU9_noseWrinkle': 2.0, 'AU10_upperLipRaise': 1.5, 'AU15_lipCornerDepress': 0.6, 'AU4_browLower': 0.4,
                   'AU12_lipCornerPull': -0.8}, -0.30),
    # Eyes closed for the whole window (min over time ignores blinks), or a wide jaw without surprise's eyes.
    'sleepy':    ({'min:AU43_eyesClosed': 1.5, 'AU43_eyesClosed': 0.5}, -0.55),
    'yawn':      ({'AU26_jawDrop': 1.0, 'AU5_upperLidRaise': -1.0, 'AU12_lipCornerPull': -0.5}, -0.50),
    'lookAway':  ({'headTurn': 1.0, 'gazeOff': 0.8, 'headDown': 0.6}, -0.55),
    'noFace':    ({'cameraOn': 1.0, 'facePresent': -1.0}, -0.30),
    'attending': ({'facePresent': 1.0, 'headTurn': -1.0, 'gazeOff': -1.0, 'headDown': -0.5}, -0.30),
    'thinking':  ({'gazeOff': 0.6, 'AU4_browLower': 0.5, 'AU23_lipPress': 0.4, 'speechActivity': -0.3, 'headTurn': -0.3}, -0.25),
    'knitBrow':  ({'AU4_browLower': 0.8, 'AU1_innerBrowRaise': 0.6, 'gazeOff': 0.3, 'AU12_lipCornerPull': -0.5}, -0.30),
    'browsUp':   ({'AU2_outerBrowRaise': 1.0, 'AU1_innerBrowRaise': 0.5, 'AU5_upperLidRaise': -0.5}, -0.10),
    'blinkFast': ({'blinkRate': 1.0}, -0.70),
    # Vocal affect after Scherer (2003) and Juslin & Laukka (2003): anger/joy/fear raise F0 level, F0 range,
    # intensity and rate; sadness/boredom lower them. Audio features are z-scores vs the user's baseline.
    'voiceHigh': ({'loudnessZ': 0.35, 'pitchZ': 0.25, 'pitchRangeZ': 0.25, 'rateZ': 0.15}, -0.30),
    'voiceLow':  ({'loudnessZ': -0.35, 'pitchZ': -0.25, 'pitchRangeZ': -0.3, 'rateZ': -0.15}, -0.30),
    'voiceTense': ({'loudnessZ': 0.3, 'jitterZ': 0.2, 'shimmerZ': 0.2, 'pitchZ': 0.2, 'AU12_lipCornerPull': -0.5}, -0.50),
    'hesitant':  ({'pauseRatio': 0.8, 'rateZ': -0.15, 'loudnessZ': -0.1, 'AU23_lipPress': 0.2}, -0.20),
}
UNIT_NAMES = list(UNITS)
H = len(UNIT_NAMES)

# State logits: weights over units (and a bias). Calm is the reference (bias 1).
STATE_RULES = {
    'calm':       ({'attending': 0.5}, 1.0),
    'happy':      ({'duchenne': 8.0, 'smile': 4.0, 'laugh': -5.0}, 0.0),
    'amused':     ({'laugh': 10.0, 'smile': 1.5, 'voiceHigh': 1.0}, -0.3),
    'interested': ({'browsUp': 3.0, 'attending': 1.0, 'voiceHigh': 1.0}, -0.2),
    'thinking':   ({'thinking': 6.0}, 0.0),
    'hesitant':   ({'hesitant': 6.0}, 0.0),
    'confused':   ({'knitBrow': 4.0, 'anger': -2.0}, 0.0),
    'anxious':    ({'fear': 8.0, 'blinkFast': 2.0, 'voiceTense': 1.5}, 0.0),
    'sad':        ({'sadFace': 8.0, 'voiceLow': 2.5}, 0.0),
    'frustrated': ({'anger': 8.0, 'disgust': 6.0, 'voiceTense': 2.0}, 0.0),
    'surprised':  ({'surprise': 8.0}, 0.0),
    'tired':      ({'sleepy': 6.0, 'yawn': 5.0, 'voiceLow': 1.0}, 0.0),
    'distracted': ({'lookAway': 6.0, 'noFace': 8.0}, 0.0),
}

AFFECT_RULES = {
    'valence':    ({'duchenne': 2.5, 'smile': 1.5, 'laugh': 1.5, 'sadFace': -2.5, 'anger': -2.5, 'fear': -2.5,
                    'disgust': -2.5, 'voiceLow': -0.5, 'voiceTense': -0.5}, {}, 0.0),
    'arousal':    ({'surprise': 2.0, 'fear': 1.5, 'anger': 1.5, 'laugh': 1.5, 'sleepy': -2.0, 'yawn': -1.5},
                   {'loudnessZ': 0.35, 'pitchZ': 0.25, 'pitchRangeZ': 0.25, 'rateZ': 0.2, 'shimmerZ': 0.05}, 0.0),
    'engagement': ({'attending': 3.0, 'lookAway': -3.0, 'noFace': -4.0, 'sleepy': -2.0, 'browsUp': 1.0},
                   {'speechActivity': 1.5}, -0.5),
}


def feature_index(key):
    return minimum(key[4:]) if key.startswith('min:') else mean(key)


def build_weights():
    w1 = np.zeros((2 * D, H), np.float32)
    b1 = np.zeros((H,), np.float32)
    for j, name in enumerate(UNIT_NAMES):
        weights, bias = UNITS[name]
        for key, w in weights.items():
            w1[feature_index(key), j] = w
        b1[j] = bias
    ws = np.zeros((2 * D + H, len(STATES)), np.float32)
    bs = np.zeros((len(STATES),), np.float32)
    for k, state in enumerate(STATES):
        weights, bias = STATE_RULES[state]
        for unit, w in weights.items():
            ws[2 * D + UNIT_NAMES.index(unit), k] = w
        bs[k] = bias
    wa = np.zeros((2 * D + H, 3), np.float32)
    ba = np.zeros((3,), np.float32)
    for k, name in enumerate(AFFECT):
        unit_weights, feature_weights, bias = AFFECT_RULES[name]
        for unit, w in unit_weights.items():
            wa[2 * D + UNIT_NAMES.index(unit), k] = w
        for key, w in feature_weights.items():
            wa[feature_index(key), k] = w
        ba[k] = bias
    # Recency weights over the window: newest frames count most (time constant 6 frames).
    ages = np.arange(T - 1, -1, -1, dtype=np.float32)
    recency = np.exp(-ages / 6.0)
    recency /= recency.sum()
    return w1, b1, ws, bs, wa, ba, recency.astype(np.float32)


def build_graph():
    w1, b1, ws, bs, wa, ba, recency = build_weights()
    init = [
        numpy_helper.from_array(recency.reshape(1, 1, T), 'recency'),
        numpy_helper.from_array(np.array([1, D], np.int64), 'flat_shape'),
        numpy_helper.from_array(w1, 'units_w'), numpy_helper.from_array(b1, 'units_b'),
        numpy_helper.from_array(ws, 'states_w'), numpy_helper.from_array(bs, 'states_b'),
        numpy_helper.from_array(wa, 'affect_w'), numpy_helper.from_array(ba, 'affect_b'),
        numpy_helper.from_array(np.array([[1, 1, 0]], np.float32), 'tanh_mask'),
        numpy_helper.from_array(np.array([[0, 0, 1]], np.float32), 'sigmoid_mask'),
    ]
    nodes = [
        helper.make_node('MatMul', ['recency', 'window'], ['pooled_mean3']),
        helper.make_node('Reshape', ['pooled_mean3', 'flat_shape'], ['pooled_mean']),
        helper.make_node('ReduceMin', ['window'], ['pooled_min'], axes=[1], keepdims=0),
        helper.make_node('Concat', ['pooled_mean', 'pooled_min'], ['features'], axis=1),
        helper.make_node('Gemm', ['features', 'units_w', 'units_b'], ['units_pre']),
        helper.make_node('Relu', ['units_pre'], ['units']),
        helper.make_node('Concat', ['features', 'units'], ['evidence'], axis=1),
        helper.make_node('Gemm', ['evidence', 'states_w', 'states_b'], ['logits']),
        helper.make_node('Softmax', ['logits'], ['states'], axis=1),
        helper.make_node('Gemm', ['evidence', 'affect_w', 'affect_b'], ['affect_pre']),
        helper.make_node('Tanh', ['affect_pre'], ['affect_tanh']),
        helper.make_node('Sigmoid', ['affect_pre'], ['affect_sigmoid']),
        helper.make_node('Mul', ['affect_tanh', 'tanh_mask'], ['affect_a']),
        helper.make_node('Mul', ['affect_sigmoid', 'sigmoid_mask'], ['affect_b2']),
        helper.make_node('Add', ['affect_a', 'affect_b2'], ['affect']),
    ]
    graph = helper.make_graph(
        nodes, 'kin_early_fusion',
        [helper.make_tensor_value_info('window', TensorProto.FLOAT, [1, T, D])],
        [helper.make_tensor_value_info('states', TensorProto.FLOAT, [1, len(STATES)]),
         helper.make_tensor_value_info('affect', TensorProto.FLOAT, [1, 3]),
         helper.make_tensor_value_info('units', TensorProto.FLOAT, [1, H])],
        init)
    model = helper.make_model(graph, opset_imports=[helper.make_opsetid('', 13)], producer_name='kin build_fusion.py')
    model.ir_version = 7
    onnx.checker.check_model(model)
    return model


def main():
    os.makedirs(OUT_DIR, exist_ok=True)
    model = build_graph()
    path = os.path.join(OUT_DIR, 'kin-fusion.onnx')
    onnx.save(model, path)
    meta = {'window': T, 'features': FEATURES, 'states': STATES, 'affect': AFFECT, 'units': UNIT_NAMES,
            'inputs': {'window': [1, T, D]}, 'outputs': {'states': [1, len(STATES)], 'affect': [1, 3], 'units': [1, H]}}
    with open(os.path.join(OUT_DIR, 'kin-fusion.json'), 'w') as f:
        json.dump(meta, f, indent=1)
        f.write('\n')
    print(f'wrote {path} ({os.path.getsize(path)} bytes), D={D}, T={T}, units={H}, states={len(STATES)}')


if __name__ == '__main__':
    main()
