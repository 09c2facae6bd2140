/** Which job a worker of the render pool takes next (render-pool.ts `pickTask`): its own shapes first, no worker idle while there is work. */
import { describe, expect, it } from 'vitest';
import { pickTask } from '../../scripts/chart/render-pool.ts';

const thread = (busy: number, ...shapes: string[]) => ({ busy, shapes: new Set(shapes) });
const queue = (...shapes: Array<string | undefined>) => shapes.map((shape) => ({ shape }));

describe('render pool dispatch', () => {
  it('takes the first job of a shape the worker knows, further down the queue if need be', () => {
    const a = thread(1, 'line');
    const b = thread(1, 'bar');
    expect(pickTask(queue('bar', 'bar', 'line'), a, [a, b])).toBe(2);
    expect(pickTask(queue('bar', 'line'), b, [a, b])).toBe(0);
  });

  it('else the first job of a shape no worker knows, else, when it has nothing to do, the first job', () => {
    const a = thread(1, 'line');
    const b = thread(1, 'bar');
    expect(pickTask(queue('line', 'heatmap', 'map'), b, [a, b])).toBe(1);
    // Busy with a job: the line chart waits for the worker that knows its shape.
    expect(pickTask(queue('line', 'line'), b, [a, b])).toBe(-1);
    // Idle: it takes the line chart rather than wait.
    expect(pickTask(queue('line', 'line'), thread(0, 'bar'), [a, b])).toBe(0);
    expect(pickTask(queue(), thread(0), [a, b])).toBe(-1);
  });

  it('takes a job without a shape (compiled on its own) as it comes', () => {
    const a = thread(1, 'line');
    expect(pickTask(queue(undefined, 'line'), a, [a])).toBe(0);
  });
});
