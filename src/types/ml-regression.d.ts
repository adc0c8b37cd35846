/**
 * The part of ml-regression (6.x, no bundled types) the core uses: the Theil–Sen estimator (slope =
 * the median of the pairwise slopes, intercept = the median of y − slope·x; for an even number of
 * pairs its median is the lower of the two middle values) and simple linear regression.
 */
declare module 'ml-regression' {
  export class TheilSenRegression {
    constructor(x: ArrayLike<number>, y: ArrayLike<number>);
    slope: number;
    intercept: number;
    predict(x: number): number;
  }
  export class SimpleLinearRegression {
    constructor(x: ArrayLike<number>, y: ArrayLike<number>);
    slope: number;
    intercept: number;
    predict(x: number): number;
  }
}
