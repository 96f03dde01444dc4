package org.accountsecurity.password;

import java.util.List;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The password policy (make bench, JMH) without its BCrypt step: NFKC, length, the ~30k common passwords, the
 * personal words, zxcvbn's guess estimate and the confirmation (the breach check is off). The history check (one BCrypt verification per remembered hash) is left out
 * here; the password-change figures of the driver include it.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class PasswordPolicyBench {

	private PasswordPolicy policy;

	private PasswordContext context;

	@Setup(Level.Trial)
	public void setUp() {
		PasswordProperties properties = TestPasswords.properties();
		policy = TestPasswords.policy(properties, new PasswordHasher(properties), new BreachedPasswords());
		context = new PasswordContext("ada.lovelace@example.com", "Ada Lovelace", List.of());
	}

	@Benchmark
	public Object checkAccepted() {
		return policy.check("granite otter sails at noon 7", "granite otter sails at noon 7", context);
	}

	@Benchmark
	public Object checkRejected() {
		return policy.check("Ada Lovelace password", "Ada Lovelace password", context);
	}

}
