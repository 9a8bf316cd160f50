/**
 * A step button's jump (src/kit/scroll/jump.ts): the step it goes to holds while the scroll closes in
 * on its target, and only then.
 */
import { describe, expect, it } from 'vitest';
import { ARRIVED_PX, followJump, startJump, type Jump } from '../../../src/kit/scroll/jump.ts';

/** Follows a jump through the scroll positions given; the last state (null: let go) and where it let go. */
function through(jump: Jump, positions: number[]): { held: Jump | null; letGoAt: number | null } {
  let held: Jump | null = jump;
  for (const y of positions) {
    held = followJump(held, y);
    if (!held) return { held, letGoAt: y };
  }
  return { held, letGoAt: null };
}

describe('a jump to a step', () => {
  it('is not needed where the reader already is', () => {
    expect(startJump(3, 1000, 1000)).toBeNull();
    expect(startJump(3, 1000, 1000 + ARRIVED_PX)).toBeNull();
    expect(startJump(3, 1000, 900)).toEqual({ index: 3, y: 1000, distance: 100 });
  });

  it('holds its step while a smooth scroll closes in, down or up, and lets go on arrival', () => {
    const down = through(startJump(4, 2000, 1200)!, [1210, 1400, 1700, 1900, 1990, 1997]);
    expect(down.held).not.toBeNull();
    expect(down.held!.index).toBe(4);
    expect(through(down.held!, [2000]).letGoAt).toBe(2000);
    const up = through(startJump(1, 500, 1200)!, [1190, 900, 600, 501]);
    expect(up.letGoAt).toBe(501);
  });

  it('holds through a frame that does not move (the scroll has not started yet)', () => {
    expect(through(startJump(4, 2000, 1200)!, [1200, 1200, 1300]).held?.distance).toBe(700);
  });

  it('lets go when the reader takes the scroll elsewhere', () => {
    expect(through(startJump(4, 2000, 1200)!, [1300, 1500, 1400]).letGoAt).toBe(1400);
    // Past the target (a wheel in the same direction as the jump) is elsewhere too, once it grows again.
    expect(through(startJump(4, 2000, 1200)!, [1600, 1990, 2100]).letGoAt).toBe(2100);
  });

  it('holds from the first band when none was known at the press', () => {
    const jump = startJump(2, 800, null)!;
    expect(jump.distance).toBe(Number.POSITIVE_INFINITY);
    expect(followJump(jump, 5000)).toEqual({ index: 2, y: 800, distance: 4200 });
  });
});
