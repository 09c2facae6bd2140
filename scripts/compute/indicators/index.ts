/**
 * The indicator library: one pure function per indicator of /work/shared/METHODS.md, each in its
 * own file, plus the registry `INDICATORS` for declarative use. See `types.ts` for the contract.
 */
export * from './types.ts';
export {
  checkNumber,
  checkNonNegative,
  describeWhere,
  divisionByZero,
} from './guards.ts';

// Dynamics
export * from './base-index.ts';
export * from './chain-index.ts';
export * from './cumulative-index.ts';
export * from './absolute-change.ts';
export * from './growth-rate.ts';
export * from './cagr.ts';
export * from './implied-price-index.ts';

// Structure
export * from './share.ts';
export * from './structural-shift.ts';
export * from './hhi.ts';

// Intensity
export * from './yield.ts';
export * from './implied-area.ts';
export * from './per-capita.ts';
export * from './yield-index.ts';

// Regional specialisation
export * from './location-quotient.ts';
export * from './krugman-index.ts';
export * from './hoover-coefficient.ts';
export * from './shift-share.ts';

// Cluster growth
export * from './growth-ratio.ts';
export * from './cluster-share.ts';

// Typology and demography
export * from './rank-score.ts';
export * from './migration-effectiveness.ts';

// Registry
export * from './registry.ts';
