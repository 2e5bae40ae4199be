import normalCdf from '@stdlib/stats-base-dists-normal-cdf';
import normalQuantile from '@stdlib/stats-base-dists-normal-quantile';
import chiSquareCdf from '@stdlib/stats-base-dists-chisquare-cdf';

/**
 * Statistics for the release gates: an interval for an agreement rate, two-sample tests
 * that compare the candidate with the stable deployment (error rates, latencies, output
 * distributions). Pure functions over plain numbers; the normal and chi-square
 * distributions come from stdlib (@stdlib/stats-base-dists-*), the Kolmogorov
 * distribution's tail is the classical series (no npm package ships the two-sample
 * asymptotic p-value on its own).
 *
 * Conventions, all functions alike:
 * - `pValue` is two-sided; `pGreater` is the one-sided p-value of "the first sample is
 *   larger" (a higher proportion, larger values), the one a gate that only cares about
 *   regressions in one direction compares with its alpha.
 * - A test without the data to say anything (an empty sample, no variation at all)
 *   answers "no evidence": statistic 0, `pValue` 1, `pGreater` 1. It never throws for
 *   that, so that callers decide about sample sizes themselves (a gate is inconclusive,
 *   not passing, below its minimum sample).
 * - Inputs that are no counts or samples at all (negative or non-finite numbers, more
 *   successes than trials) throw a RangeError.
 */

/** standard normal CDF Φ(z) */
function phi(z: number): number {
  return normalCdf(z, 0, 1);
}

/** upper tail of the standard normal, 1 - Φ(z), computed without cancellation */
function phiUpper(z: number): number {
  return normalCdf(-z, 0, 1);
}

/** two-sided normal p-value of a z statistic, 2 · (1 - Φ(|z|)), at most 1 */
function twoSidedNormalP(z: number): number {
  return Math.min(1, 2 * phiUpper(Math.abs(z)));
}

function assertCount(name: string, value: number): void {
  if (!Number.isFinite(value) || value < 0) {
    throw new RangeError(`${name} must be a finite number >= 0, got ${value}`);
  }
}

function assertSuccesses(xName: string, x: number, nName: string, n: number): void {
  assertCount(nName, n);
  assertCount(xName, x);
  if (x > n) throw new RangeError(`${xName} (${x}) must not exceed ${nName} (${n})`);
}

function assertSample(name: string, values: readonly number[]): void {
  for (const v of values) {
    if (!Number.isFinite(v)) throw new RangeError(`${name} must hold finite numbers only, got ${v}`);
  }
}

/**
 * Wilson score interval for a binomial proportion (e.g. the share of request pairs whose
 * answers agree).
 *
 * Computes, with p̂ = successes / n and z = Φ⁻¹(1 - (1 - confidence) / 2),
 *   centre = (p̂ + z²/(2n)) / (1 + z²/n),
 *   half   = z / (1 + z²/n) · √(p̂(1 - p̂)/n + z²/(4n²)),
 * and returns [centre - half, centre + half] clamped to [0, 1]. Two-sided at
 * `confidence`, so each bound alone is a one-sided bound at 1 - (1 - confidence)/2: a gate
 * "lower bound > threshold" at confidence 0.95 falsely passes a true rate at the threshold
 * about 2.5% of the time.
 *
 * Assumptions: independent trials with one common success probability. Unlike the Wald
 * interval p̂ ± z·√(p̂(1-p̂)/n) it stays inside [0, 1] and keeps close to nominal coverage
 * near 0 and 1 and for small n (it is what R's `prop.test(x, n, correct = FALSE)` reports).
 *
 * n = 0 gives the uninformative [0, 1].
 *
 * References: E. B. Wilson, "Probable inference, the law of succession, and statistical
 * inference", JASA 22 (1927) 209–212; R. G. Newcombe, "Two-sided confidence intervals for
 * the single proportion: comparison of seven methods", Statistics in Medicine 17 (1998)
 * 857–872; L. D. Brown, T. T. Cai, A. DasGupta, "Interval estimation for a binomial
 * proportion", Statistical Science 16 (2001) 101–133.
 *
 * @param successes number of successes, 0 ≤ successes ≤ n
 * @param n number of trials, ≥ 0
 * @param confidence two-sided confidence level, strictly between 0 and 1 (e.g. 0.95)
 */
export function wilsonInterval(successes: number, n: number, confidence: number): { lower: number; upper: number } {
  assertSuccesses('successes', successes, 'n', n);
  if (!(confidence > 0 && confidence < 1)) throw new RangeError(`confidence must be between 0 and 1 (exclusive), got ${confidence}`);
  if (n === 0) return { lower: 0, upper: 1 };
  const z = normalQuantile(1 - (1 - confidence) / 2, 0, 1);
  const p = successes / n;
  const z2n = (z * z) / n;
  const denominator = 1 + z2n;
  const centre = (p + z2n / 2) / denominator;
  const half = (z / denominator) * Math.sqrt((p * (1 - p)) / n + z2n / (4 * n));
  return {
    // exact at the ends: 0 successes has lower bound 0, n successes upper bound 1
    lower: successes === 0 ? 0 : Math.max(0, centre - half),
    upper: successes === n ? 1 : Math.min(1, centre + half),
  };
}

/**
 * Pooled two-proportion z-test: do two groups have the same success (e.g. error)
 * probability?
 *
 * Computes p̂₁ = x1/n1, p̂₂ = x2/n2, the pooled p̂ = (x1 + x2)/(n1 + n2) and
 *   z = (p̂₁ - p̂₂) / √(p̂(1 - p̂)(1/n1 + 1/n2)),
 * with the two-sided p-value 2·(1 - Φ(|z|)) and the one-sided `pGreater` = 1 - Φ(z) of
 * "proportion 1 > proportion 2". No continuity correction: z² equals the X-squared of
 * R's `prop.test(c(x1, x2), c(n1, n2), correct = FALSE)` and `pValue` its p-value.
 *
 * Assumptions: independent Bernoulli trials within and between groups; the normal
 * approximation wants a few successes and failures in each group (as a rule of thumb
 * n·p̂ and n·(1 - p̂) ≥ 5); with rarer events it is only a rough guide.
 *
 * n1 = 0 or n2 = 0, or no variation at all (every trial a success, or none), gives
 * z = 0, pValue = 1, pGreater = 1 (no evidence either way).
 *
 * References: A. Agresti, "Categorical Data Analysis", 3rd ed. (2013), §3.1.2 (Wald and
 * score tests comparing two proportions); J. L. Fleiss, B. Levin, M. C. Paik, "Statistical
 * Methods for Rates and Proportions", 3rd ed. (2003), §2.2.
 */
export function twoProportionTest(x1: number, n1: number, x2: number, n2: number): { z: number; pValue: number; pGreater: number } {
  assertSuccesses('x1', x1, 'n1', n1);
  assertSuccesses('x2', x2, 'n2', n2);
  const none = { z: 0, pValue: 1, pGreater: 1 };
  if (n1 === 0 || n2 === 0) return none;
  const pooled = (x1 + x2) / (n1 + n2);
  const se = Math.sqrt(pooled * (1 - pooled) * (1 / n1 + 1 / n2));
  if (!(se > 0)) return none;
  const z = (x1 / n1 - x2 / n2) / se;
  return { z, pValue: twoSidedNormalP(z), pGreater: phiUpper(z) };
}

/**
 * Ranks of the pooled sample (1-based, ties get their average rank) and the tie term
 * Σ(t³ - t) over groups of t equal values. O(N log N).
 */
function pooledRanks(values: readonly number[]): { ranks: Float64Array; tieTerm: number } {
  const order = values.map((_, i) => i).sort((i, j) => values[i] - values[j]);
  const ranks = new Float64Array(values.length);
  let tieTerm = 0;
  for (let start = 0; start < order.length;) {
    let end = start + 1;
    while (end < order.length && values[order[end]] === values[order[start]]) end++;
    const rank = (start + 1 + end) / 2; // average of the ranks start+1 .. end
    for (let k = start; k < end; k++) ranks[order[k]] = rank;
    const t = end - start;
    tieTerm += t * t * t - t;
    start = end;
  }
  return { ranks, tieTerm };
}

/**
 * Mann–Whitney U test (Wilcoxon rank-sum test): do values of `a` tend to be larger or
 * smaller than values of `b`? Used on latency samples, where means and t-tests are
 * distorted by the long right tail.
 *
 * Computes U = R_a - n_a(n_a + 1)/2, R_a the sum of `a`'s ranks in the pooled sample
 * (average ranks for ties); U counts the pairs (x from a, y from b) with x > y, ties
 * counting ½. Under H0 (same distribution) E[U] = n_a·n_b/2 and
 *   Var[U] = n_a·n_b/12 · ((N + 1) - Σ(t³ - t) / (N(N - 1))),   N = n_a + n_b,
 * the sum over groups of t tied values (tie correction). The p-values use the normal
 * approximation with a continuity correction of ½:
 *   z = (U - E[U] - sign(U - E[U])·½) / √Var[U],  pValue = 2·min(Φ(z), 1 - Φ(z)),
 *   pGreater = 1 - Φ((U - E[U] - ½) / √Var[U])  (one-sided: `a` tends to be larger).
 * These match R's `wilcox.test(a, b, exact = FALSE, correct = TRUE)` (its W is U) with
 * the alternatives "two.sided" and "greater". `z` is the two-sided statistic above.
 * O(N log N) (one sort of the pooled sample).
 *
 * Assumptions: independent observations within and between samples. It tests
 * stochastic ordering (P(X > Y) ≠ ½), not a difference in means or medians as such;
 * the normal approximation is good from about 10 values per side on (a gate uses far
 * more).
 *
 * An empty sample, or no variation at all (every value tied), gives u = 0 (empty) or the
 * tied U, z = 0, pValue = 1, pGreater = 1.
 *
 * References: H. B. Mann, D. R. Whitney, "On a test of whether one of two random variables
 * is stochastically larger than the other", Annals of Mathematical Statistics 18 (1947)
 * 50–60; M. Hollander, D. A. Wolfe, E. Chicken, "Nonparametric Statistical Methods",
 * 3rd ed. (2014), §4.1 (large-sample approximation and tie correction); R Core,
 * `wilcox.test` (package stats).
 */
export function mannWhitneyU(a: readonly number[], b: readonly number[]): { u: number; z: number; pValue: number; pGreater: number } {
  assertSample('a', a);
  assertSample('b', b);
  const na = a.length;
  const nb = b.length;
  if (na === 0 || nb === 0) return { u: 0, z: 0, pValue: 1, pGreater: 1 };
  const { ranks, tieTerm } = pooledRanks([...a, ...b]);
  let rankSumA = 0;
  for (let i = 0; i < na; i++) rankSumA += ranks[i];
  const u = rankSumA - (na * (na + 1)) / 2;
  const n = na + nb;
  const variance = ((na * nb) / 12) * (n + 1 - tieTerm / (n * (n - 1)));
  if (!(variance > 0)) return { u, z: 0, pValue: 1, pGreater: 1 };
  const sd = Math.sqrt(variance);
  const diff = u - (na * nb) / 2;
  const z = (diff - Math.sign(diff) * 0.5) / sd;
  return { u, z, pValue: Math.min(1, 2 * Math.min(phi(z), phiUpper(z))), pGreater: phiUpper((diff - 0.5) / sd) };
}

/**
 * Chi-square test of homogeneity: are two samples of categories (e.g. the class labels the
 * stable and the candidate deployment answered on the same traffic) drawn from the same
 * categorical distribution?
 *
 * Builds the 2 × k contingency table over the union of the categories of `a` and `b`
 * (counts, a category missing from one side counting 0), drops categories whose total is
 * 0, and computes Pearson's statistic
 *   X² = Σ (O - E)² / E,   E = row total · column total / grand total,
 * with df = k - 1 and pValue = P(χ²_df ≥ X²). No Yates continuity correction, so for
 * k = 2 it equals R's `chisq.test(rbind(a, b), correct = FALSE)` (for k > 2 R applies
 * none anyway).
 *
 * Assumptions: independent observations; the χ² approximation wants expected counts of
 * about 5 or more in most cells (Cochran's rule: none below 1, at most 20% below 5). A
 * category that appears a handful of times makes the p-value approximate; callers that
 * see many rare labels may merge them into an "other" category first.
 *
 * k ≤ 1 (at most one category seen) or an empty sample gives statistic 0, pValue 1
 * (df = max(k - 1, 0)).
 *
 * References: K. Pearson, "On the criterion that a given system of deviations from the
 * probable ...", Philosophical Magazine 50 (1900) 157–175; A. Agresti, "Categorical Data
 * Analysis", 3rd ed. (2013), §3.2; W. G. Cochran, "Some methods for strengthening the
 * common χ² tests", Biometrics 10 (1954) 417–451.
 */
export function chiSquareHomogeneity(
  a: Record<string, number>,
  b: Record<string, number>,
): { statistic: number; df: number; pValue: number } {
  const categories = [...new Set([...Object.keys(a), ...Object.keys(b)])];
  const rows: Array<[number, number]> = [];
  let totalA = 0;
  let totalB = 0;
  for (const category of categories) {
    const ca = Object.hasOwn(a, category) ? a[category] : 0;
    const cb = Object.hasOwn(b, category) ? b[category] : 0;
    assertCount(`a[${JSON.stringify(category)}]`, ca);
    assertCount(`b[${JSON.stringify(category)}]`, cb);
    if (ca + cb === 0) continue;
    rows.push([ca, cb]);
    totalA += ca;
    totalB += cb;
  }
  const k = rows.length;
  const df = Math.max(k - 1, 0);
  if (k <= 1 || totalA === 0 || totalB === 0) return { statistic: 0, df, pValue: 1 };
  const total = totalA + totalB;
  let statistic = 0;
  for (const [ca, cb] of rows) {
    const column = ca + cb;
    const ea = (totalA * column) / total;
    const eb = (totalB * column) / total;
    statistic += (ca - ea) ** 2 / ea + (cb - eb) ** 2 / eb;
  }
  return { statistic, df, pValue: Math.min(1, Math.max(0, 1 - chiSquareCdf(statistic, df))) };
}

/**
 * Survival function of the Kolmogorov distribution, Q(λ) = P(K > λ) =
 * 2 Σ_{j≥1} (-1)^{j-1} e^{-2j²λ²}. For λ < 1.18 that alternating series converges slowly,
 * so the complement is taken from the equivalent Jacobi-theta form
 * P(K ≤ λ) = √(2π)/λ · Σ_{j≥1} e^{-(2j-1)²π²/(8λ²)} (both converge to double precision in
 * four terms on their side of the switch; Numerical Recipes, 3rd ed., §6.14).
 */
function kolmogorovSurvival(lambda: number): number {
  if (!(lambda > 0)) return 1;
  if (lambda < 1.18) {
    const y = Math.exp(-(Math.PI * Math.PI) / (8 * lambda * lambda));
    const cdf = (Math.sqrt(2 * Math.PI) / lambda) * (y + y ** 9 + y ** 25 + y ** 49);
    return Math.min(1, Math.max(0, 1 - cdf));
  }
  const x = Math.exp(-2 * lambda * lambda);
  return Math.min(1, Math.max(0, 2 * (x - x ** 4 + x ** 9 - x ** 16)));
}

/**
 * Two-sample Kolmogorov–Smirnov test: are two samples of numbers (e.g. the scores the
 * stable and the candidate deployment answered on the same traffic) drawn from the same
 * continuous distribution?
 *
 * The statistic is D = sup_x |F_a(x) - F_b(x)|, the largest distance between the two
 * empirical CDFs (computed by one merge of the sorted samples, ties stepped over together,
 * O(N log N)). The p-value is the asymptotic one, Q_KS(λ) with the Kolmogorov survival
 * function Q_KS(λ) = 2 Σ_{j≥1} (-1)^{j-1} e^{-2j²λ²} and Stephens' small-sample correction
 *   λ = (√nₑ + 0.12 + 0.11/√nₑ) · D,   nₑ = n_a·n_b / (n_a + n_b)
 * (Numerical Recipes' `kstwo`). R's `ks.test(a, b, exact = FALSE)` uses λ = √nₑ·D without
 * the correction, so its p-values are a little smaller; both converge as n grows.
 *
 * Assumptions: independent observations from continuous distributions. With ties (e.g.
 * rounded or discrete outputs) the test is conservative (p-values too large), never
 * anti-conservative. It reacts to any difference in distribution (location, spread,
 * shape), most to differences near the middle of the distribution.
 *
 * An empty sample gives statistic 0, pValue 1.
 *
 * References: N. Smirnov, "Table for estimating the goodness of fit of empirical
 * distributions", Annals of Mathematical Statistics 19 (1948) 279–281; M. A. Stephens,
 * "Use of the Kolmogorov–Smirnov, Cramér–von Mises and related statistics without
 * extensive tables", JRSS B 32 (1970) 115–122; W. H. Press et al., "Numerical Recipes",
 * 3rd ed. (2007), §14.3.3 and §6.14.
 */
export function ksTwoSample(a: readonly number[], b: readonly number[]): { statistic: number; pValue: number } {
  assertSample('a', a);
  assertSample('b', b);
  const na = a.length;
  const nb = b.length;
  if (na === 0 || nb === 0) return { statistic: 0, pValue: 1 };
  const sa = Float64Array.from(a).sort();
  const sb = Float64Array.from(b).sort();
  let i = 0;
  let j = 0;
  let statistic = 0;
  while (i < na && j < nb) {
    const x = Math.min(sa[i], sb[j]);
    while (i < na && sa[i] === x) i++;
    while (j < nb && sb[j] === x) j++;
    statistic = Math.max(statistic, Math.abs(i / na - j / nb));
  }
  const ne = (na * nb) / (na + nb);
  const sqrtNe = Math.sqrt(ne);
  return { statistic, pValue: kolmogorovSurvival((sqrtNe + 0.12 + 0.11 / sqrtNe) * statistic) };
}
