import {
  AlwaysStencilFunc, BufferGeometry, Color, CylinderGeometry, DirectionalLight, DoubleSide, EqualStencilFunc, Float32BufferAttribute,
  Group, HemisphereLight, Material, Mesh, MeshBasicMaterial, Object3D, ReplaceStencilOp, SphereGeometry, TorusGeometry, type Texture,
} from 'three';
import type { PersonaLook } from '../persona/types';
import { BLENDSHAPE_COUNT, BS } from './arkit';
import {
  buildBrowGeometry, buildCavityGeometry, buildLipGeometry, buildSkinGeometry, buildTeethGeometry, buildTongueGeometry,
} from './head-geometry';
import { CpuMorph } from './cpu-morph';
import { DETAIL_SEGMENTS, litMaterialFactory, type HeadDetail, type LitSpec } from './head-detail';
import { buildHairGeometry, shadeHair } from './head-hair';
import { bump, eyeX, frontSurface, headShapeFor, LANDMARKS, type Vec3 } from './head-shape';

/** What the render loop drives each frame. */
export interface HeadRig {
  /** The whole bust plus its lights: add to a scene. */
  readonly root: Group;
  /** Rotates with head pose (pivot at the neck). */
  readonly head: Group;
  readonly torso: Object3D;
  /** Meshes carrying the 52 ARKit morph targets (skin, lips, mouth parts, brows). */
  readonly morphMeshes: readonly Mesh[];
  /** Eyeballs [subject's left, right]; rotate for gaze. */
  readonly eyes: readonly Object3D[];
  readonly upperLids: readonly Object3D[];
  readonly lowerLids: readonly Object3D[];
  /** `light` detail: the morph meshes' targets blended on the CPU (same order as morphMeshes); else empty. */
  readonly cpuMorphs: readonly CpuMorph[];
  dispose(): void;
}

/** What `applyRig` reads: the driver's output (AvatarDriver satisfies it). */
export interface RigPose {
  readonly weights: Float32Array;
  readonly headPitch: number;
  readonly headYaw: number;
  readonly headRoll: number;
  readonly breath: number;
}

const NECK_PIVOT_Y = -0.95;
const EYE_MAX_YAW = 0.42;
const EYE_MAX_PITCH = 0.3;

function mix(a: Color, b: Color, t: number): Color {
  return a.clone().lerp(b, t);
}

function luminance(c: Color): number {
  return 0.2126 * c.r + 0.7152 * c.g + 0.0722 * c.b;
}

/** Skin colours with warm blush on cheeks, nose and ears so the face never reads flat or grey. */
function paintSkin(geometry: BufferGeometry, skin: Color, blush: Color, eyeXPos: number): void {
  const position = geometry.getAttribute('position');
  const colors = new Float32Array(position.count * 3);
  const c = new Color();
  for (let i = 0; i < position.count; i++) {
    const x = position.getX(i);
    const y = position.getY(i);
    const z = position.getZ(i);
    const front = Math.max(0, Math.min(1, z * 2));
    const cheeks = (bump(x - 0.42, y + 0.22, 0.02, 0.012) + bump(x + 0.42, y + 0.22, 0.02, 0.012)) * front;
    const nose = bump(x, y - LANDMARKS.noseTipY, 0.004, 0.004) * front;
    const lids = (bump(x - eyeXPos, y - 0.1, 0.01, 0.004) + bump(x + eyeXPos, y - 0.1, 0.01, 0.004)) * front;
    c.copy(skin).lerp(blush, Math.min(0.55, 0.42 * cheeks + 0.3 * nose + 0.12 * lids));
    // Slightly darker toward the back and under the jaw: cheap ambient occlusion.
    const shade = 0.9 + 0.1 * Math.max(0, Math.min(1, (z + 0.6) / 1.2)) - 0.06 * Math.max(0, -y - 0.85);
    colors[i * 3] = c.r * shade;
    colors[i * 3 + 1] = c.g * shade;
    colors[i * 3 + 2] = c.b * shade;
  }
  geometry.setAttribute('color', new Float32BufferAttribute(colors, 3));
}

/** Iris cap coloured with a darker limbal ring and a lighter inner ring. */
function buildIris(radius: number, eyeColor: Color, segments: [number, number], material: Material): Mesh {
  const geometry = new SphereGeometry(radius * 1.004, segments[0], segments[1], 0, Math.PI * 2, 0, 0.7);
  geometry.rotateX(Math.PI / 2);
  const position = geometry.getAttribute('position');
  const colors = new Float32Array(position.count * 3);
  const dark = eyeColor.clone().multiplyScalar(0.45);
  const light = eyeColor.clone().lerp(new Color('#ffffff'), 0.25);
  const c = new Color();
  for (let i = 0; i < position.count; i++) {
    const rim = Math.hypot(position.getX(i), position.getY(i)) / (radius * Math.sin(0.7));
    c.copy(light).lerp(eyeColor, Math.min(1, rim * 1.3)).lerp(dark, Math.max(0, (rim - 0.8) / 0.2));
    colors.set([c.r, c.g, c.b], i * 3);
  }
  geometry.setAttribute('color', new Float32BufferAttribute(colors, 3));
  return new Mesh(geometry, material);
}

/**
 * Builds the stylised bust for a persona look. All geometry is generated here; no assets.
 * `detail` trades tessellation and lighting for speed on software GL (see head-detail.ts).
 */
export function buildHead(look: PersonaLook, detail: HeadDetail = 'full'): HeadRig {
  const seg = DETAIL_SEGMENTS[detail];
  const shape = headShapeFor(look.faceWidth);
  const ex = eyeX(shape);
  const skin = new Color(look.skin);
  const hair = new Color(look.hair);
  const blush = mix(skin, new Color('#e0646a'), 0.55);
  const lipColor = mix(skin, new Color('#b04a55'), luminance(skin) > 0.35 ? 0.5 : 0.35).multiplyScalar(luminance(skin) > 0.35 ? 0.95 : 0.85);
  const browColor = luminance(hair) > 0.55 ? hair.clone().multiplyScalar(0.62) : hair.clone().multiplyScalar(0.9);
  const background = new Color(look.background);
  const shirt = new Color().setHSL((background.getHSL({ h: 0, s: 0, l: 0 }).h + 0.5) % 1, 0.32, 0.42);

  const disposables: Array<BufferGeometry | Material | Texture> = [];
  const keep = <T extends BufferGeometry | Material | Texture>(x: T): T => {
    disposables.push(x);
    return x;
  };
  const makeLit = litMaterialFactory(detail, keep);
  const lit = (spec: LitSpec) => keep(makeLit(spec));

  const root = new Group();
  root.name = 'kin-bust';
  const head = new Group();
  head.name = 'head';
  const headPivot = new Group();
  headPivot.position.y = NECK_PIVOT_Y;
  head.position.y = -NECK_PIVOT_Y;
  headPivot.add(head);
  root.add(headPivot);

  const skinMaterial = lit({ vertexColors: true, roughness: 0.58, emissive: skin.clone().multiplyScalar(0.07) });
  const morphMeshes: Mesh[] = [];
  const addMorph = (mesh: Mesh, name: string) => {
    mesh.name = name;
    morphMeshes.push(mesh);
    head.add(mesh);
    return mesh;
  };

  const skinGeometry = keep(buildSkinGeometry(shape, ex, seg.skin));
  paintSkin(skinGeometry, skin, blush, ex);
  addMorph(new Mesh(skinGeometry, skinMaterial), 'skin');

  // Mouth: cavity writes the stencil; teeth and tongue draw only inside it; lips go on top.
  // Depth testing is off for these thin layers (they sit within 3 cm of the skin), and the draw
  // order does the layering — no z-fighting at any head angle the face uses.
  const layer = (order: number, material: Material, stencil: 'write' | 'inside' | 'none') => {
    material.depthTest = false;
    material.depthWrite = false;
    if (stencil !== 'none') {
      material.stencilWrite = true;
      material.stencilRef = 1;
      material.stencilFunc = stencil === 'write' ? AlwaysStencilFunc : EqualStencilFunc;
      material.stencilZPass = ReplaceStencilOp;
    }
    return { order, material };
  };
  const cavity = layer(10, keep(new MeshBasicMaterial({ color: new Color('#3a1418') })), 'write');
  const tongue = layer(11, lit({ color: new Color('#c8646e'), roughness: 0.5 }), 'inside');
  const teeth = layer(12, lit({ color: new Color('#f4efe6'), roughness: 0.3, emissive: new Color('#2a2a2a') }), 'inside');
  const lowerTeeth = layer(12, lit({ color: new Color('#e8e2d8'), roughness: 0.3, emissive: new Color('#2a2a2a') }), 'inside');
  const lips = layer(13, lit({ color: lipColor, roughness: 0.42 }), 'none');
  const mouthPart = (geometry: BufferGeometry, spec: { order: number; material: Material }, name: string, morph: boolean) => {
    const mesh = new Mesh(keep(geometry), spec.material);
    mesh.renderOrder = spec.order;
    if (morph) addMorph(mesh, name);
    else {
      mesh.name = name;
      head.add(mesh);
    }
  };
  mouthPart(buildCavityGeometry(shape), cavity, 'mouth-cavity', true);
  mouthPart(buildTongueGeometry(shape), tongue, 'tongue', true);
  mouthPart(buildTeethGeometry(shape, true), teeth, 'teeth-upper', false);
  mouthPart(buildTeethGeometry(shape, false), lowerTeeth, 'teeth-lower', true);
  mouthPart(buildLipGeometry(shape, true), lips, 'lip-upper', true);
  mouthPart(buildLipGeometry(shape, false), lips, 'lip-lower', true);

  const browMaterial = lit({ color: browColor, roughness: 0.8, side: DoubleSide });
  for (const side of [1, -1]) addMorph(new Mesh(keep(buildBrowGeometry(shape, side, ex, 0.03)), browMaterial), side > 0 ? 'brow-left' : 'brow-right');

  // Eyes with lids and a lash line. Lids are shells rotated about the eye centre by the blink,
  // squint, wide and look weights (see applyRig), which keeps them round at every opening.
  const R = LANDMARKS.eyeRadius;
  const scleraMaterial = lit({ color: new Color('#fbf8f3'), roughness: 0.3, emissive: new Color('#1a1a1a') });
  const pupilMaterial = lit({ color: new Color('#0d0a09'), roughness: 0.2 });
  const glintMaterial = keep(new MeshBasicMaterial({ color: new Color('#ffffff') }));
  const lidMaterial = lit({ color: skin.clone().lerp(blush, 0.25).multiplyScalar(0.96), roughness: 0.55 });
  const lashMaterial = lit({ color: new Color('#21160f'), roughness: 0.7 });
  const scleraGeometry = keep(new SphereGeometry(R, ...seg.sclera));
  const pupilGeometry = keep(new SphereGeometry(R * 1.008, seg.pupil, 4, 0, Math.PI * 2, 0, 0.3).rotateX(Math.PI / 2));
  const glintGeometry = keep(new SphereGeometry(R * 0.075, 10, 8));
  const upperLidGeometry = keep(new SphereGeometry(R * 1.08, ...seg.lid, 0, Math.PI * 2, 0, Math.PI / 2));
  const lowerLidGeometry = keep(new SphereGeometry(R * 1.06, ...seg.lid, 0, Math.PI * 2, Math.PI / 2, Math.PI / 2));
  const lashGeometry = keep(new TorusGeometry(R * 1.085, R * 0.085, ...seg.lash, Math.PI).rotateX(Math.PI / 2));
  const eyes: Object3D[] = [];
  const upperLids: Object3D[] = [];
  const lowerLids: Object3D[] = [];
  const surface: Vec3 = { x: 0, y: 0, z: 0 };
  for (const side of [1, -1]) {
    frontSurface(side * ex, LANDMARKS.eyeY, shape, surface);
    const socket = new Group();
    socket.position.set(side * ex, LANDMARKS.eyeY, surface.z - 0.42 * R);
    // Eyes toe out slightly, following the skull's curve.
    socket.rotation.y = side * 0.12;
    const eyeball = new Group();
    eyeball.add(new Mesh(scleraGeometry, scleraMaterial));
    const iris = buildIris(R, new Color(look.eyes), seg.iris, lit({ vertexColors: true, roughness: 0.35 }));
    keep(iris.geometry);
    eyeball.add(iris);
    eyeball.add(new Mesh(pupilGeometry, pupilMaterial));
    socket.add(eyeball);
    const glint = new Mesh(glintGeometry, glintMaterial);
    glint.position.set(R * 0.28, R * 0.3, R * 0.93);
    socket.add(glint);
    const upper = new Group();
    upper.add(new Mesh(upperLidGeometry, lidMaterial));
    upper.add(new Mesh(lashGeometry, lashMaterial));
    const lower = new Group();
    lower.add(new Mesh(lowerLidGeometry, lidMaterial));
    socket.add(upper, lower);
    head.add(socket);
    eyes.push(eyeball);
    upperLids.push(upper);
    lowerLids.push(lower);
  }

  const hairGeometry = keep(buildHairGeometry(shape, look.hairStyle, seg));
  shadeHair(hairGeometry, hair.r, hair.g, hair.b);
  const hairMesh = new Mesh(hairGeometry, lit({ vertexColors: true, roughness: 0.75, side: DoubleSide }));
  hairMesh.name = 'hair';
  head.add(hairMesh);

  // Meshes without morph targets get their own materials: sharing one material between morphed
  // and static meshes makes three.js re-resolve the program on every draw (and allocate).
  const earGeometry = keep(new SphereGeometry(0.15, ...seg.ear).scale(0.55, 1.15, 0.8));
  const earMaterial = lit({ color: skin.clone().multiplyScalar(0.95), roughness: 0.58, emissive: skin.clone().multiplyScalar(0.07) });
  for (const side of [1, -1]) {
    const ear = new Mesh(earGeometry, earMaterial);
    ear.position.set(side * 0.84 * shape.widthScale, -0.05, -0.05);
    ear.rotation.y = side * -0.35;
    head.add(ear);
  }

  const neckMaterial = lit({ color: skin.clone().multiplyScalar(0.9), roughness: 0.6 });
  const neck = new Mesh(keep(new CylinderGeometry(0.36, 0.42, 0.8, seg.neck)), neckMaterial);
  neck.position.y = -1.28;
  root.add(neck);
  const torso = new Group();
  const body = new Mesh(keep(new SphereGeometry(1, ...seg.body, 0, Math.PI * 2, 0, Math.PI / 2).scale(1.75, 0.85, 0.85)), lit({ color: shirt, roughness: 0.85 }));
  const collar = new Mesh(keep(new TorusGeometry(0.36, 0.07, ...seg.collar).rotateX(Math.PI / 2)), lit({ color: shirt.clone().multiplyScalar(0.8), roughness: 0.85 }));
  collar.position.y = 0.78;
  torso.add(body, collar);
  torso.position.y = -2.12;
  root.add(torso);

  const hemisphere = new HemisphereLight(new Color('#fff4e8'), new Color('#5d4f5f'), 1.25);
  const key = new DirectionalLight(new Color('#fff0dc'), 2.2);
  key.position.set(2.2, 2.8, 4.5);
  const fill = new DirectionalLight(new Color('#d8e6ff'), 0.7);
  fill.position.set(-3.5, 0.6, 2.5);
  const rim = new DirectionalLight(new Color('#ffffff'), 1.1);
  rim.position.set(-1, 2.5, -4);
  root.add(hemisphere, key, fill, rim);

  for (const mesh of morphMeshes) {
    if (!mesh.morphTargetInfluences || mesh.morphTargetInfluences.length !== BLENDSHAPE_COUNT) throw new Error(`avatar: ${mesh.name} lacks the 52 morph targets`);
  }
  const cpuMorphs = detail === 'light' ? morphMeshes.map((mesh) => new CpuMorph(mesh.geometry)) : [];

  return {
    root,
    head: headPivot,
    torso,
    morphMeshes,
    eyes,
    upperLids,
    lowerLids,
    cpuMorphs,
    dispose() {
      for (const d of disposables) d.dispose();
    },
  };
}

/** Drives the rig from a pose: morph influences, eye and lid rotations, head and breathing. Allocation-free. */
export function applyRig(rig: HeadRig, pose: RigPose): void {
  const w = pose.weights;
  for (let m = 0; m < rig.morphMeshes.length; m++) {
    const influences = rig.morphMeshes[m].morphTargetInfluences as number[];
    // Snap the springs' long tails to exactly 0 so the vertex shader skips those targets.
    for (let i = 0; i < BLENDSHAPE_COUNT; i++) influences[i] = w[i] < 0.002 ? 0 : w[i];
    if (rig.cpuMorphs.length > 0) rig.cpuMorphs[m].apply(influences);
  }
  for (let e = 0; e < 2; e++) {
    const left = e === 0;
    const blink = w[left ? BS.eyeBlinkLeft : BS.eyeBlinkRight];
    const squint = w[left ? BS.eyeSquintLeft : BS.eyeSquintRight];
    const wide = w[left ? BS.eyeWideLeft : BS.eyeWideRight];
    const up = w[left ? BS.eyeLookUpLeft : BS.eyeLookUpRight];
    const down = w[left ? BS.eyeLookDownLeft : BS.eyeLookDownRight];
    const out = w[left ? BS.eyeLookOutLeft : BS.eyeLookOutRight];
    const inward = w[left ? BS.eyeLookInLeft : BS.eyeLookInRight];
    const cheek = w[left ? BS.cheekSquintLeft : BS.cheekSquintRight];
    // Left eye looking "out" turns toward +x; the right eye's "out" is toward -x.
    const yaw = (left ? out - inward : inward - out) * EYE_MAX_YAW;
    const pitch = (down - up) * EYE_MAX_PITCH;
    rig.eyes[e].rotation.set(pitch, yaw, 0);
    // Rim elevations (radians above the eye's equator): the upper lid follows the gaze a little.
    const upperOpen = 0.66 + 0.4 * wide - 0.3 * squint + 0.25 * up - 0.3 * down;
    const lowerOpen = -0.78 + 0.38 * squint + 0.32 * cheek - 0.1 * down + 0.08 * up;
    const upperRim = upperOpen + (-0.12 - upperOpen) * blink;
    const lowerRim = lowerOpen + (-0.2 - lowerOpen) * blink;
    rig.upperLids[e].rotation.x = -upperRim;
    rig.lowerLids[e].rotation.x = -Math.min(lowerRim, upperRim - 0.05);
  }
  rig.head.rotation.set(pose.headPitch, pose.headYaw, -pose.headRoll, 'YXZ');
  rig.head.position.y = NECK_PIVOT_Y + 0.008 * pose.breath;
  rig.torso.scale.set(1 + 0.006 * pose.breath, 1 + 0.012 * pose.breath, 1 + 0.01 * pose.breath);
}
