import { describe, expect, it } from 'vitest';
import { barOf } from './bars';

describe('benchmark bars', () => {
  it('scale to the largest value in eighths of a cell', () => {
    expect(barOf(10, 10, 4)).toBe('████');
    expect(barOf(5, 10, 4)).toBe('██');
    expect(barOf(1, 10, 4)).toBe('▍'); // 3.2 eighths -> 3
    expect(barOf(2.5, 10, 4)).toBe('█');
    expect(barOf(2.9, 10, 4)).toBe('█▏'); // 9.28 eighths -> 9
  });

  it('draw nothing for zero, negative or missing values, and clip at the scale', () => {
    expect(barOf(0, 10)).toBe('');
    expect(barOf(-3, 10)).toBe('');
    expect(barOf(Number.NaN, 10)).toBe('');
    expect(barOf(5, 0)).toBe('');
    expect(barOf(20, 10, 3)).toBe('███');
  });
});
