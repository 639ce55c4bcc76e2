// Did the person just click or press a key in the window? Main records real input events (Electron's
// `before-mouse-event` and `before-input-event` on the window's web contents: the page cannot fake them) and
// an external link opens only within a short time of one, once per gesture. A compromised renderer can then
// at most ride on a click the person really made, and only to an allowlisted host (docs/security.md).

/** How long after a click or key press a request still counts as caused by it. */
export const GESTURE_WINDOW_MS = 1_000;

/** What main sees of an input event (the fields of Electron's MouseInputEvent / Input it needs). */
export type InputKind =
  | { device: 'mouse'; type: string; button?: string | undefined }
  | { device: 'keyboard'; type: string; key: string };

/** A mouse button released or pressed, or Enter / Space pressed (how a link or button is activated). */
export function isActivation(input: InputKind): boolean {
  switch (input.device) {
    case 'mouse':
      return (input.type === 'mouseDown' || input.type === 'mouseUp') && (input.button === undefined || input.button === 'left');
    case 'keyboard':
      return input.type === 'keyDown' && (input.key === 'Enter' || input.key === ' ');
  }
}

export interface GestureTracker {
  record(input: InputKind, now: number): void;
  /** True once for a gesture made within GESTURE_WINDOW_MS before `now`; it is used up by the answer. */
  consume(now: number): boolean;
}

export function createGestureTracker(windowMs = GESTURE_WINDOW_MS): GestureTracker {
  let last: number | null = null;
  return {
    record(input, now) {
      if (isActivation(input)) last = now;
    },
    consume(now) {
      const fresh = last !== null && now >= last && now - last <= windowMs;
      last = null;
      return fresh;
    },
  };
}
