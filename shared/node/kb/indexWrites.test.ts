import { describe, expect, it } from 'vitest';
import { StatsDelta } from './indexWrites';

describe('StatsDelta', () => {
  it('counts each character of an article once in and once out, outside the BMP too', () => {
    const delta = new StatsDelta();
    delta.add(1, [1, 0, 0, 0, 0, 0, 0, 0, 0], '玉米𠀀');
    delta.add(1, [2, 0, 0, 0, 0, 0, 0, 0, 0], '米𠀀螟');
    delta.add(-1, [1, 0, 0, 0, 0, 0, 0, 0, 0], '玉米𠀀');
    expect(delta.docs).toBe(1);
    expect(delta.lens[0]).toBe(2);
    expect(new Map(delta.charDf())).toEqual(
      new Map([
        ['米', 1],
        ['螟', 1],
        ['𠀀', 1],
      ]),
    );
  });
});
