package org.accountsecurity.support;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two samples of response times compared as a timing oracle would: their medians and a
 * Mann-Whitney rank test. The effect size ({@link #rankShare()}, the share of pairs in
 * which the first sample is slower) does not grow with the number of samples, so a
 * generous bound on it is not flaky on a loaded machine, while a real difference (an
 * early exit, a synchronous SMTP call) moves it towards 0 or 1. Measured on 2 loaded
 * cores: identical branches gave a share of 0.51 (z 0.2), 20 ms more on one branch 0.66
 * (z 4.9).
 */
public final class Timings {

	private final double[] first;

	private final double[] second;

	public Timings(List<Double> first, List<Double> second) {
		this.first = first.stream().mapToDouble(Double::doubleValue).toArray();
		this.second = second.stream().mapToDouble(Double::doubleValue).toArray();
	}

	/**
	 * Fails when the samples can be told apart: medians more than a third (at least 10
	 * ms) apart, or a rank test significant at p < 0.0001 with a share of slower pairs
	 * outside 0.4 to 0.6.
	 */
	public void assertIndistinguishable() {
		double smaller = Math.min(firstMedian(), secondMedian());
		assertThat(Math.abs(firstMedian() - secondMedian())).as(toString())
			.isLessThanOrEqualTo(Math.max(10, smaller / 3));
		assertThat(Math.abs(z()) > 3.89 && Math.abs(rankShare() - 0.5) > 0.1).as(toString()).isFalse();
	}

	public double firstMedian() {
		return median(first);
	}

	public double secondMedian() {
		return median(second);
	}

	/**
	 * The Mann-Whitney U of the first sample over the product of the sizes: 0.5 when
	 * neither is slower.
	 */
	public double rankShare() {
		return u() / ((double) first.length * second.length);
	}

	/** The two-sided normal-approximation z of the rank test. */
	public double z() {
		double n1 = first.length;
		double n2 = second.length;
		return (u() - n1 * n2 / 2) / Math.sqrt(n1 * n2 * (n1 + n2 + 1) / 12);
	}

	@Override
	public String toString() {
		return String.format(Locale.ROOT, "medians %.2f ms vs %.2f ms, rank share %.3f, z %.2f (n = %d, %d)",
				firstMedian(), secondMedian(), rankShare(), z(), first.length, second.length);
	}

	private double u() {
		List<double[]> all = new ArrayList<>();
		for (double value : first) {
			all.add(new double[] { value, 0 });
		}
		for (double value : second) {
			all.add(new double[] { value, 1 });
		}
		all.sort((a, b) -> Double.compare(a[0], b[0]));
		double rankSum = 0;
		for (int i = 0; i < all.size();) {
			int j = i;
			while (j < all.size() && all.get(j)[0] == all.get(i)[0]) {
				j++;
			}
			// Ties share the mean of the ranks they span (ranks are 1-based).
			double rank = (i + 1 + j) / 2.0;
			for (int k = i; k < j; k++) {
				if (all.get(k)[1] == 0) {
					rankSum += rank;
				}
			}
			i = j;
		}
		return rankSum - (double) first.length * (first.length + 1) / 2;
	}

	private static double median(double[] values) {
		double[] sorted = values.clone();
		Arrays.sort(sorted);
		int middle = sorted.length / 2;
		return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
	}

}
