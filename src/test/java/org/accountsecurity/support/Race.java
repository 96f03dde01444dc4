package org.accountsecurity.support;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.IntFunction;
import java.util.stream.IntStream;

/**
 * Runs the same step on many threads at once, released together by a barrier, as N
 * parallel requests would arrive.
 */
public final class Race {

	private Race() {
	}

	/** Runs {@code step} for 0 … n−1, each on its own thread; the results in order. */
	public static <T> List<T> run(int n, IntFunction<T> step) {
		ExecutorService threads = Executors.newFixedThreadPool(n);
		CyclicBarrier start = new CyclicBarrier(n);
		try {
			List<Future<T>> running = IntStream.range(0, n).mapToObj(i -> threads.submit(() -> {
				start.await(30, TimeUnit.SECONDS);
				return step.apply(i);
			})).toList();
			List<T> results = new ArrayList<>();
			for (Future<T> result : running) {
				results.add(result.get(2, TimeUnit.MINUTES));
			}
			return results;
		}
		catch (ExecutionException | TimeoutException ex) {
			throw new IllegalStateException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
		finally {
			threads.shutdownNow();
		}
	}

}
