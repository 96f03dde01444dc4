package org.accountsecurity.system;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * Waiting for work handed to another thread, with its exception as the caller would have
 * had it.
 */
public final class Futures {

	private Futures() {
	}

	/**
	 * Waits for {@code future}; a runtime exception or error of the work is rethrown as
	 * it is, not wrapped.
	 * @param future the work's result
	 * @return its value
	 */
	public static <T> T join(CompletableFuture<T> future) {
		try {
			return future.join();
		}
		catch (CompletionException ex) {
			if (ex.getCause() instanceof RuntimeException runtime) {
				throw runtime;
			}
			if (ex.getCause() instanceof Error error) {
				throw error;
			}
			throw ex;
		}
	}

}
