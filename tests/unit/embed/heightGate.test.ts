import { describe, expect, test } from 'vitest';
import { createHeightGate, OSCILLATION_WINDOW_MS } from '../../../src/kit/embed/heightGate.ts';

describe('createHeightGate', () => {
  test('sends whole pixels, only on change', () => {
    const gate = createHeightGate();
    expect(gate.accept(5000.4, 0)).toBe(5001);
    expect(gate.accept(5000.6, 10)).toBeNull();
    expect(gate.accept(5000.9, 20)).toBeNull();
    expect(gate.accept(6000, 30)).toBe(6000);
    expect(gate.last).toBe(6000);
  });
  test('ignores nonsense', () => {
    const gate = createHeightGate();
    expect(gate.accept(0, 0)).toBeNull();
    expect(gate.accept(NaN, 0)).toBeNull();
  });
  test('A -> B -> A within the window pins the larger height and stays quiet', () => {
    const gate = createHeightGate();
    expect(gate.accept(5000, 0)).toBe(5000);
    expect(gate.accept(5100, 100)).toBe(5100);
    expect(gate.accept(5000, 200)).toBeNull();
    expect(gate.accept(5100, 300)).toBeNull();
    expect(gate.accept(5000, 400)).toBeNull();
    // A genuinely new height ends the pin.
    expect(gate.accept(4000, 500)).toBe(4000);
  });
  test('oscillating from the larger side pins it too', () => {
    const gate = createHeightGate();
    expect(gate.accept(5100, 0)).toBe(5100);
    expect(gate.accept(5000, 100)).toBe(5000);
    expect(gate.accept(5100, 200)).toBe(5100);
    expect(gate.accept(5000, 300)).toBeNull();
  });
  test('slow changes back and forth are real changes', () => {
    const gate = createHeightGate();
    expect(gate.accept(5000, 0)).toBe(5000);
    expect(gate.accept(5100, 100)).toBe(5100);
    expect(gate.accept(5000, OSCILLATION_WINDOW_MS + 10)).toBe(5000);
  });
  test('reset sends the next height even if unchanged', () => {
    const gate = createHeightGate();
    gate.accept(5000, 0);
    gate.reset();
    expect(gate.accept(5000, 10)).toBe(5000);
  });
});
