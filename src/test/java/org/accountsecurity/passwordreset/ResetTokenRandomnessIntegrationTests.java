package org.accountsecurity.passwordreset;

import java.math.BigInteger;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

import org.accountsecurity.account.Account;
import org.accountsecurity.account.AccountService;
import org.accountsecurity.account.Language;
import org.accountsecurity.passwordreset.ResetTokens.IssuedToken;
import org.accountsecurity.support.IntegrationTest;
import org.accountsecurity.support.Mailbox;
import org.accountsecurity.support.TestAccounts;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A reset token is not derived from the account or the time (docs/security.md TK-02). It
 * is a signed JWT whose claims (account id, issue time) are public by design; what makes
 * it unguessable is its 128-bit random id and the signature over it. Those two parts of
 * tokens issued for one account in the same second, and for two accounts, differ in about
 * half their bits, share no prefix and contain nothing of the account.
 */
class ResetTokenRandomnessIntegrationTests extends IntegrationTest {

	static final JsonMapper JSON = JsonMapper.builder().build();

	@LocalServerPort
	int port;

	@Autowired
	AccountService accountService;

	@Autowired
	ResetTokens tokens;

	@Autowired
	Mailbox mailbox;

	@Test
	void twoTokensForOneAccountInTheSameSecondShareNoRandomPart() {
		Account account = TestAccounts.create(accountService, Language.EN);
		IssuedToken first;
		IssuedToken second;
		do {
			first = tokens.issue(account.id(), account.credentialVersion());
			second = tokens.issue(account.id(), account.credentialVersion());
		}
		while (claims(first.token()).get("iat").asLong() != claims(second.token()).get("iat").asLong());

		assertThat(claims(first.token()).get("sub").asString()).isEqualTo(account.id().toString());
		assertIndependent(first.token(), second.token(), account);
	}

	@Test
	void mailedTokensForOneAccountAndForTwoAccountsShareNoRandomPart() throws Exception {
		Account one = TestAccounts.create(accountService, Language.EN);
		Account other = TestAccounts.create(accountService, Language.EN);
		request(one);
		request(one);
		request(other);
		List<String> ones = mailbox.await(one.email(), 2).stream().map(Mailbox::token).toList();
		String others = Mailbox.token(mailbox.await(other.email(), 1).get(0));

		assertIndependent(ones.get(0), ones.get(1), one);
		assertIndependent(ones.get(0), others, one);
		assertIndependent(ones.get(1), others, other);
	}

	private static void assertIndependent(String a, String b, Account account) {
		assertThat(a).isNotEqualTo(b);
		for (String token : List.of(a, b)) {
			String randomId = claims(token).get("jti").asString();
			String signature = token.substring(token.lastIndexOf('.') + 1);
			assertThat(Base64.getUrlDecoder().decode(randomId)).hasSize(16);
			for (String part : List.of(randomId, signature)) {
				assertThat(part.toLowerCase()).doesNotContain(account.id().toString().replace("-", "").substring(0, 8),
						account.email().substring(0, account.email().indexOf('@')).toLowerCase(),
						Long.toString(claims(token).get("iat").asLong()),
						Long.toHexString(claims(token).get("iat").asLong()));
			}
			assertThat(Base64.getUrlDecoder().decode(randomId)).isNotEqualTo(uuidBytes(account.id()));
		}
		assertUncorrelated(claims(a).get("jti").asString(), claims(b).get("jti").asString());
		assertUncorrelated(a.substring(a.lastIndexOf('.') + 1), b.substring(b.lastIndexOf('.') + 1));
	}

	/**
	 * Independent random strings agree on few leading characters and differ in about half
	 * their bits; the bounds are far (over 5 standard deviations) from chance.
	 */
	private static void assertUncorrelated(String a, String b) {
		int common = 0;
		while (common < Math.min(a.length(), b.length()) && a.charAt(common) == b.charAt(common)) {
			common++;
		}
		assertThat(common).as(a + " / " + b).isLessThanOrEqualTo(3);
		byte[] x = Base64.getUrlDecoder().decode(a);
		byte[] y = Base64.getUrlDecoder().decode(b);
		int bits = x.length * 8;
		int differing = new BigInteger(1, x).xor(new BigInteger(1, y)).bitCount();
		double deviation = Math.sqrt(bits) / 2;
		assertThat((double) differing).as(HexFormat.of().formatHex(x) + " / " + HexFormat.of().formatHex(y))
			.isBetween(bits / 2.0 - 5.5 * deviation, bits / 2.0 + 5.5 * deviation);
	}

	private void request(Account account) throws Exception {
		HttpResponse<String> answer = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/password-resets"))
				.header("Content-Type", "application/json")
				.POST(HttpRequest.BodyPublishers.ofString("{\"email\":\"" + account.email() + "\"}"))
				.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(answer.statusCode()).isEqualTo(202);
	}

	private static JsonNode claims(String token) {
		return JSON.readTree(new String(Base64.getUrlDecoder().decode(token.split("\\.")[1]), StandardCharsets.UTF_8));
	}

	private static byte[] uuidBytes(UUID id) {
		return ByteBuffer.allocate(16)
			.putLong(id.getMostSignificantBits())
			.putLong(id.getLeastSignificantBits())
			.array();
	}

}
