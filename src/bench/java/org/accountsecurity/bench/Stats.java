package org.accountsecurity.bench;

import java.util.Arrays;

/** Percentiles, the Mann–Whitney U test and the best single-threshold classifier, on nanosecond samples. */
final class Stats {

	private Stats() {
	}

	/** Nearest-rank percentile of sorted values; {@code p} in [0, 100]. */
	static double percentile(long[] sorted, double p) {
		if (sorted.length == 0) {
			return Double.NaN;
		}
		int rank = (int) Math.ceil(p / 100.0 * sorted.length);
		return sorted[Math.min(Math.max(rank, 1), sorted.length) - 1];
	}

	static double median(long[] sorted) {
		int n = sorted.length;
		if (n == 0) {
			return Double.NaN;
		}
		return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + (double) sorted[n / 2]) / 2;
	}

	static long[] sorted(long[] values) {
		long[] copy = values.clone();
		Arrays.sort(copy);
		return copy;
	}

	/** Result of the two-sided Mann–Whitney U test (normal approximation with tie correction). */
	record MannWhitney(double u, double z, double p) {
	}

	static MannWhitney mannWhitney(long[] a, long[] b) {
		int n1 = a.length;
		int n2 = b.length;
		int n = n1 + n2;
		long[][] all = new long[n][2];
		for (int i = 0; i < n1; i++) {
			all[i][0] = a[i];
			all[i][1] = 0;
		}
		for (int i = 0; i < n2; i++) {
			all[n1 + i][0] = b[i];
			all[n1 + i][1] = 1;
		}
		Arrays.sort(all, (x, y) -> Long.compare(x[0], y[0]));
		double rankSumA = 0;
		double tieTerm = 0;
		for (int i = 0; i < n;) {
			int j = i;
			while (j + 1 < n && all[j + 1][0] == all[i][0]) {
				j++;
			}
			double rank = (i + j + 2) / 2.0; // ranks are 1-based: average of i+1 .. j+1
			int t = j - i + 1;
			if (t > 1) {
				tieTerm += (double) t * t * t - t;
			}
			for (int k = i; k <= j; k++) {
				if (all[k][1] == 0) {
					rankSumA += rank;
				}
			}
			i = j + 1;
		}
		double u1 = rankSumA - n1 * (n1 + 1) / 2.0;
		double mean = n1 * (double) n2 / 2.0;
		double variance = n1 * (double) n2 / 12.0 * ((n + 1) - tieTerm / ((double) n * (n - 1)));
		if (variance <= 0) {
			return new MannWhitney(u1, 0, 1);
		}
		double diff = u1 - mean;
		// continuity correction of 0.5 towards the mean
		double z = (Math.abs(diff) - 0.5) / Math.sqrt(variance);
		z = Math.max(z, 0) * Math.signum(diff);
		double p = 2 * (1 - normalCdf(Math.abs(z)));
		return new MannWhitney(u1, z, Math.min(1, p));
	}

	/** Standard normal CDF (Abramowitz–Stegun 26.2.17 via erfc, |error| < 1.5e-7). */
	static double normalCdf(double x) {
		return 0.5 * erfc(-x / Math.sqrt(2));
	}

	private static double erfc(double x) {
		double z = Math.abs(x);
		double t = 1 / (1 + 0.5 * z);
		double r = t * Math.exp(-z * z - 1.26551223 + t * (1.00002368 + t * (0.37409196 + t * (0.09678418
				+ t * (-0.18628806 + t * (0.27886807 + t * (-1.13520398 + t * (1.48851587
						+ t * (-0.82215223 + t * 0.17087277)))))))));
		return x >= 0 ? r : 2 - r;
	}

	/** The best threshold classifier: the accuracy and where it cuts, in either direction. */
	record Threshold(double accuracy, long cut, boolean existingSlower) {
	}

	/**
	 * The share of single requests whose class the best latency threshold guesses right (both classes weighted
	 * equally, so 0.5 is chance whatever the class sizes).
	 */
	static Threshold bestThreshold(long[] existing, long[] unknown) {
		long[] e = sorted(existing);
		long[] u = sorted(unknown);
		long[] cuts = new long[e.length + u.length];
		System.arraycopy(e, 0, cuts, 0, e.length);
		System.arraycopy(u, 0, cuts, e.length, u.length);
		Arrays.sort(cuts);
		double best = 0.5;
		long bestCut = cuts.length == 0 ? 0 : cuts[0];
		boolean bestSlower = true;
		for (long cut : cuts) {
			// rule: latency > cut means "exists"
			double eAbove = 1 - countAtMost(e, cut) / (double) e.length;
			double uAbove = 1 - countAtMost(u, cut) / (double) u.length;
			double slower = (eAbove + (1 - uAbove)) / 2;
			double faster = 1 - slower;
			if (slower > best) {
				best = slower;
				bestCut = cut;
				bestSlower = true;
			}
			if (faster > best) {
				best = faster;
				bestCut = cut;
				bestSlower = false;
			}
		}
		return new Threshold(best, bestCut, bestSlower);
	}

	/**
	 * Two-fold cross-validated accuracy: the threshold is chosen on one half of each class and scored on the other
	 * half, and the other way round. Unlike the in-sample best, this is about 50 % when there is no gap.
	 */
	static double crossValidated(long[] existing, long[] unknown) {
		long[][] e = halves(existing);
		long[][] u = halves(unknown);
		double a = score(bestThreshold(e[0], u[0]), e[1], u[1]);
		double b = score(bestThreshold(e[1], u[1]), e[0], u[0]);
		return (a + b) / 2;
	}

	private static long[][] halves(long[] values) {
		long[] first = new long[(values.length + 1) / 2];
		long[] second = new long[values.length / 2];
		for (int i = 0; i < values.length; i++) {
			if (i % 2 == 0) {
				first[i / 2] = values[i];
			}
			else {
				second[i / 2] = values[i];
			}
		}
		return new long[][] { first, second };
	}

	private static double score(Threshold t, long[] existing, long[] unknown) {
		long[] e = sorted(existing);
		long[] u = sorted(unknown);
		double eAbove = 1 - countAtMost(e, t.cut()) / (double) e.length;
		double uAbove = 1 - countAtMost(u, t.cut()) / (double) u.length;
		double slower = (eAbove + (1 - uAbove)) / 2;
		return t.existingSlower() ? slower : 1 - slower;
	}

	private static int countAtMost(long[] sorted, long value) {
		int lo = 0;
		int hi = sorted.length;
		while (lo < hi) {
			int mid = (lo + hi) >>> 1;
			if (sorted[mid] <= value) {
				lo = mid + 1;
			}
			else {
				hi = mid;
			}
		}
		return lo;
	}

}
