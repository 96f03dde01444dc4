package org.accountsecurity.password;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

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

	@Test
	void bcryptRunsAtALowerPriorityThanTheRequestsOnLinux() {
		assumeTrue(Files.exists(Path.of("/proc/thread-self")) && Files.isExecutable(Path.of("/usr/bin/renice")),
				"Linux with renice");
		assumeTrue(niceOfThisThread() < 10, "the tests run at a higher priority than BCrypt's");

		int nice = BcryptThreads.run(BcryptThreadsTests::niceOfThisThread);

		assertThat(nice).isEqualTo(10);
	}

	// Field 19 of /proc/thread-self/stat; the command name before it is in parentheses.
	private static int niceOfThisThread() {
		try {
			String stat = Files.readString(Path.of("/proc/thread-self/stat"));
			String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
			return Integer.parseInt(fields[16]);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
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
