import { describe, expect, it } from 'vitest';
import { createGestureTracker, GESTURE_WINDOW_MS, isActivation } from './gesture';

describe('gesture tracker (external links need a real click or key press just before)', () => {
  it('counts a left click or Enter/Space, not mouse moves, other buttons or other keys', () => {
    expect(isActivation({ device: 'mouse', type: 'mouseUp', button: 'left' })).toBe(true);
    expect(isActivation({ device: 'mouse', type: 'mouseDown', button: 'left' })).toBe(true);
    expect(isActivation({ device: 'mouse', type: 'mouseMove', button: 'left' })).toBe(false);
    expect(isActivation({ device: 'mouse', type: 'mouseUp', button: 'middle' })).toBe(false);
    expect(isActivation({ device: 'keyboard', type: 'keyDown', key: 'Enter' })).toBe(true);
    expect(isActivation({ device: 'keyboard', type: 'keyDown', key: ' ' })).toBe(true);
    expect(isActivation({ device: 'keyboard', type: 'keyUp', key: 'Enter' })).toBe(false);
    expect(isActivation({ device: 'keyboard', type: 'keyDown', key: 'a' })).toBe(false);
  });

  it('answers yes once per gesture, and only within the window', () => {
    const tracker = createGestureTracker();
    expect(tracker.consume(1_000)).toBe(false);
    tracker.record({ device: 'mouse', type: 'mouseUp', button: 'left' }, 1_000);
    expect(tracker.consume(1_000 + GESTURE_WINDOW_MS)).toBe(true);
    expect(tracker.consume(1_000 + GESTURE_WINDOW_MS)).toBe(false);
    tracker.record({ device: 'keyboard', type: 'keyDown', key: 'Enter' }, 5_000);
    expect(tracker.consume(5_000 + GESTURE_WINDOW_MS + 1)).toBe(false);
    tracker.record({ device: 'mouse', type: 'mouseMove' }, 9_000);
    expect(tracker.consume(9_000)).toBe(false);
  });
});
