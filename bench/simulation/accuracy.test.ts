/** The estimate-accuracy measures of part 5: MAE, relative RMSE, range hits, bias. */
import { describe, expect, it } from 'vitest';
import { accuracy } from './accuracy';

describe('accuracy', () => {
  it('is perfect for exact estimates', () => {
    const result = accuracy([
      { expected: 5, real: 5, low: 4, high: 6 },
      { expected: 10, real: 10, low: 8, high: 12 },
    ]);
    expect(result).toMatchObject({ count: 2, meanAbsoluteError: 0, relativeRmse: 0, inRange: 1, bias: 0 });
  });

  it('measures absolute and relative error, bias and range hits', () => {
    const result = accuracy([
      { expected: 6, real: 4, low: 5, high: 7 },
      { expected: 6, real: 8, low: 5, high: 9 },
    ]);
    expect(result.meanAbsoluteError).toBe(2);
    expect(result.relativeRmse).toBeCloseTo(2 / 6);
    expect(result.bias).toBe(0);
    // 4 is outside [5, 7] even with half a minute of rounding; 8 is inside [5, 9].
    expect(result.inRange).toBe(0.5);
  });

  it('leaves the range share undefined without ranges', () => {
    expect(accuracy([{ expected: 1, real: 2 }]).inRange).toBeNaN();
    expect(accuracy([]).count).toBe(0);
  });
});
