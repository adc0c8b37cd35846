export { erfc, normCdf, logNormCdf, normPdf, normQuantile, weightedQuantile, weightedQuantiles, weightedProbabilityAtLeast } from './normal';
