/** Every failure the UI can explain to a person has a code; components map codes to words. */
export type KinErrorCode =
  | 'media:camera-denied'
  | 'media:mic-denied'
  | 'media:no-camera'
  | 'media:no-mic'
  | 'media:device-lost'
  | 'media:in-use'
  | 'media:insecure-context'
  | 'audio:suspended'
  | 'audio:worklet'
  | 'worker:start'
  | 'brain:failed'
  | 'brain:unreachable'
  | 'brain:auth'
  | 'brain:timeout'
  | 'brain:protocol'
  | 'speech:failed'
  | 'storage:quota'
  | 'storage:corrupt'
  | 'model:load'
  | 'vision:failed'
  | 'call:background'
  | 'memory:import'
  | 'memory:model'
  | 'memory:storage'
  | 'memory:quota'
  | 'call:other-tab'
  | 'stt:off'
  | 'stt:failed'
  | 'turns:fallback';

export class KinError extends Error {
  readonly code: KinErrorCode;
  constructor(code: KinErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'KinError';
    this.code = code;
  }
}

/** Human, actionable text for each error code. */
export const ERROR_MESSAGES: Record<KinErrorCode, string> = {
  'media:camera-denied':
    'Camera access is blocked, so this is a voice call. To turn video on, allow the camera in your browser’s site settings (the icon left of the address) and press “Try camera again”.',
  'media:mic-denied':
    'Microphone access is blocked, so you can type instead. To talk, allow the microphone in your browser’s site settings and press “Try microphone again”.',
  'media:no-camera': 'No camera was found. The call goes on with voice.',
  'media:no-mic': 'No microphone was found. You can type your messages.',
  'media:device-lost': 'A camera or microphone was disconnected. The call goes on; plug it back in and try again.',
  'media:in-use': 'Another app is using your camera or microphone. Close it and try again.',
  'media:insecure-context': 'Camera and microphone need a secure (https) connection.',
  'audio:suspended': 'Sound is paused by the browser. Press anywhere or “Resume sound” to hear your companion.',
  'audio:worklet': 'Your browser could not start the audio processor. You can still type.',
  'worker:start': 'A background helper could not start. Some features are off; the call goes on.',
  'brain:failed': 'Your companion could not answer just now. Try again in a moment.',
  'brain:unreachable': 'Your model server could not be reached, so your companion answered with the built-in brain. Check the address in Settings.',
  'brain:auth': 'Your model server refused the API key, so your companion answered with the built-in brain. Check the key in Settings.',
  'brain:timeout': 'Your model server took too long, so your companion answered with the built-in brain.',
  'brain:protocol': 'Your model server sent something unexpected, so your companion answered with the built-in brain.',
  'speech:failed': 'The voice could not play. Replies are shown as captions.',
  'stt:off': 'I heard you speak, but speech recognition is off, so I can’t understand spoken words yet. Type your message, or turn on speech recognition in Settings.',
  'stt:failed': 'Speech recognition could not start. Type to talk; the call goes on.',
  'turns:fallback':
    'The turn-taking model could not load, so your companion answers after half a second of silence and may cut in when you pause to think. Reload the page to try again.',
  'storage:quota': 'Your device storage is full, so this change was not saved. Free some space and try again.',
  'storage:corrupt': 'Saved data could not be read. Nothing was changed.',
  'model:load': 'A model file could not be loaded. That feature is off for now.',
  'vision:failed': 'Face tracking is off on this device. The call goes on; your companion just cannot see your expressions.',
  'memory:import': 'That file could not be imported: it is not a Kin memory export, or it is damaged. Nothing was changed.',
  'memory:model': 'The memory search model could not load, so memories are found by their words only.',
  'memory:storage': 'Memories could not be saved on this device just now. The call goes on.',
  'memory:quota': 'Your device storage is full, so new memories are not being saved. Free some space to keep remembering.',
  'call:background': 'While this tab was in the background your companion could not see you. The call went on with sound, and the camera is back now.',
  'call:other-tab': 'Kin is also in a call in another tab. Your camera and microphone may be busy there; end that call if this one cannot see or hear you.',
};

/** Maps a getUserMedia failure to our error code. */
export function mediaErrorCode(error: unknown, kind: 'camera' | 'mic'): KinErrorCode {
  const name = error instanceof Error || (typeof error === 'object' && error !== null && 'name' in error)
    ? String((error as { name: unknown }).name)
    : '';
  switch (name) {
    case 'NotAllowedError':
    case 'SecurityError':
    case 'PermissionDeniedError':
      return kind === 'camera' ? 'media:camera-denied' : 'media:mic-denied';
    case 'NotFoundError':
    case 'DevicesNotFoundError':
    case 'OverconstrainedError':
      return kind === 'camera' ? 'media:no-camera' : 'media:no-mic';
    case 'NotReadableError':
    case 'TrackStartError':
    case 'AbortError':
      return 'media:in-use';
    default:
      return kind === 'camera' ? 'media:no-camera' : 'media:no-mic';
  }
}
