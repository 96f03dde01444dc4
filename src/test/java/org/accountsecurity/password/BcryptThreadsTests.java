package org.accountsecurity.password;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class BcryptThreadsTests {

	@Test
	void runsTheWorkOnABcryptThreadAndReturnsItsResult() {
		Thread caller = Thread.currentThread();

		Thread worker = BcryptThreads.run(Thread::currentThread);

		assertThat(worker).isNotSameAs(caller);
		assertThat(worker.getName()).startsWith("bcrypt-");
	}

	@Test
	void theWorksExceptionReachesTheCallerUnchanged() {
		assertThatIllegalStateException().isThrownBy(() -> BcryptThreads.run(() -> {
			throw new IllegalStateException("from BCrypt");
		})).withMessage("from BCrypt");
	}

	@Test
	void noMoreRunAtOnceThanThereAreCores() throws Exception {
		int cores = Runtime.getRuntime().availableProcessors();
		AtomicInteger running = new AtomicInteger();
		AtomicInteger most = new AtomicInteger();
		List<CompletableFuture<Void>> callers = new ArrayList<>();
		for (int i = 0; i < cores * 4; i++) {
			callers.add(CompletableFuture.runAsync(() -> BcryptThreads.run(() -> {
				most.accumulateAndGet(running.incrementAndGet(), Math::max);
				sleep(50);
				running.decrementAndGet();
				return null;
			}), runnable -> new Thread(runnable).start()));
		}
		CompletableFuture.allOf(callers.toArray(CompletableFuture[]::new)).get();

		assertThat(most.get()).isEqualTo(cores);
	}

	private static void sleep(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
