package org.accountsecurity.device;

import java.util.List;
import java.util.concurrent.TimeUnit;

import org.accountsecurity.device.UserAgents.Described;
import org.accountsecurity.support.Race;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Browser and system from real user agents, with one shared parser. */
public class UserAgentsTests {

	public static final String FIREFOX_WINDOWS = "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:128.0) Gecko/20100101 Firefox/128.0";

	public static final String CHROME_MAC = "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 "
			+ "(KHTML, like Gecko) Chrome/126.0.0.0 Safari/537.36";

	public static final String SAFARI_IPHONE = "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 "
			+ "(KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1";

	final UserAgents userAgents = new UserAgents();

	@Test
	void namesBrowserAndSystemWithTheirMajorVersions() {
		long start = System.nanoTime();
		assertThat(userAgents.describe(FIREFOX_WINDOWS)).isEqualTo(new Described("Firefox 128", "Windows 10"));
		long firstMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
		start = System.nanoTime();
		assertThat(userAgents.describe(CHROME_MAC)).isEqualTo(new Described("Chrome 126", "Mac OS X 10"));
		long secondMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
		assertThat(userAgents.describe(SAFARI_IPHONE)).isEqualTo(new Described("Mobile Safari 17", "iOS 17"));
		System.out.printf("uap-java: first parse (builds the parser) %d ms, next %d ms%n", firstMillis, secondMillis);
	}

	@Test
	void unknownOrMissingUserAgentsNameNothing() {
		assertThat(userAgents.describe(null)).isEqualTo(new Described(null, null));
		assertThat(userAgents.describe("  ")).isEqualTo(new Described(null, null));
		assertThat(userAgents.describe("(nothing known)")).isEqualTo(new Described(null, null));
	}

	@Test
	void oneParserServesParallelThreads() {
		List<Described> described = Race.run(8, i -> userAgents.describe(i % 2 == 0 ? FIREFOX_WINDOWS : CHROME_MAC));
		assertThat(described).containsOnly(new Described("Firefox 128", "Windows 10"),
				new Described("Chrome 126", "Mac OS X 10"));
	}

}
