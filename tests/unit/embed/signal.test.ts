import { describe, expect, it } from 'vitest';
import { createSignal } from '../../../src/kit/embed/signal.ts';

describe('createSignal', () => {
  it('drops what is sent before a receiver is connected, then delivers to it', () => {
    const signal = createSignal<number>();
    const got: number[] = [];
    signal.send(1);
    signal.connect((n) => got.push(n));
    signal.send(2);
    expect(got).toEqual([2]);
  });
});
