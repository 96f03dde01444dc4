package org.accountsecurity.password;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

class BcryptThreadsTests {

	@Test
	void runsTheWorkOnAnotherThreadAndReturnsItsResult() {
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
	void onLinuxWithChrtBcryptRunsAtIdlePriorityWhileRequestThreadsDoNot() {
		assumeTrue(Files.isSymbolicLink(Path.of("/proc/thread-self")), "Linux /proc");
		assumeTrue(Files.isExecutable(Path.of("/usr/bin/chrt")) || Files.isExecutable(Path.of("/bin/chrt")), "chrt");

		assertThat(BcryptThreads.run(BcryptThreads::idlePriority)).isTrue();
		assertThat(BcryptThreads.idlePriority()).isFalse();
	}

}
