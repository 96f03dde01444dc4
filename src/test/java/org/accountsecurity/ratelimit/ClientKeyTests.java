package org.accountsecurity.ratelimit;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ClientKeyTests {

	@Test
	void anIpv4ClientIsLimitedByItsFullAddress() {
		assertThat(ClientKey.of("192.0.2.17")).isEqualTo("192.0.2.17");
		assertThat(ClientKey.of("192.0.2.18")).isNotEqualTo(ClientKey.of("192.0.2.17"));
	}

	@Test
	void everyAddressOfAnIpv6Slash64SharesOneKey() {
		String key = ClientKey.of("2001:db8:1:2::1");
		assertThat(key).isEqualTo("2001:db8:1:2::/64");
		assertThat(ClientKey.of("2001:db8:1:2:ffff:ffff:ffff:fffe")).isEqualTo(key);
		assertThat(ClientKey.of("2001:0DB8:0001:0002:0:0:0:9")).isEqualTo(key);
		assertThat(ClientKey.of("[2001:db8:1:2::7]")).isEqualTo(key);
		assertThat(ClientKey.of("2001:db8:1:3::1")).isNotEqualTo(key);
	}

	@Test
	void loopbackLinkLocalAndMappedAddressesAreKeyedToo() {
		assertThat(ClientKey.of("0:0:0:0:0:0:0:1")).isEqualTo(ClientKey.of("::1")).isEqualTo("0:0:0:0::/64");
		assertThat(ClientKey.of("fe80::1%eth0")).isEqualTo(ClientKey.of("fe80::2%25")).isEqualTo("fe80:0:0:0::/64");
		assertThat(ClientKey.of("::ffff:192.0.2.1")).isEqualTo("192.0.2.1");
	}

	@Test
	void anythingElseIsKeptAsItIs() {
		assertThat(ClientKey.of(null)).isEqualTo("unknown");
		assertThat(ClientKey.of(" ")).isEqualTo("unknown");
		assertThat(ClientKey.of("not:an:address")).isEqualTo("not:an:address");
		assertThat(ClientKey.of("1:2:3:4:5:6:7:8:9")).isEqualTo("1:2:3:4:5:6:7:8:9");
		assertThat(ClientKey.of("unix-socket")).isEqualTo("unix-socket");
	}

}
