package org.accountsecurity.support;

import java.io.ByteArrayOutputStream;
import java.security.InvalidKeyException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.crypto.spec.SecretKeySpec;

import com.eatthepath.otp.TimeBasedOneTimePasswordGenerator;

/**
 * The test's authenticator app: reads the secret off the enrolment page and computes RFC
 * 6238 codes from it, as a phone would.
 */
public final class Authenticator {

	private static final Pattern SECRET = Pattern.compile("id=\"totp-secret\">([A-Z2-7]+)<");

	private static final Pattern CODES = Pattern.compile("<li><code>([0-9A-Z-]+)</code></li>");

	private static final TimeBasedOneTimePasswordGenerator TOTP = new TimeBasedOneTimePasswordGenerator(
			Duration.ofSeconds(30), 6, "HmacSHA1");

	private final String secret;

	public Authenticator(String secret) {
		this.secret = secret;
	}

	/** The secret shown in {@code id="totp-secret"} of an enrolment page. */
	public static Authenticator scan(String page) {
		Matcher matcher = SECRET.matcher(page);
		if (!matcher.find()) {
			throw new AssertionError("No TOTP secret on the page");
		}
		return new Authenticator(matcher.group(1));
	}

	/**
	 * The recovery codes of {@code
	 *
	<ol id="recovery-codes">
	 * }.
	 */
	public static List<String> recoveryCodes(String page) {
		int start = page.indexOf("<ol id=\"recovery-codes\"");
		List<String> codes = new ArrayList<>();
		if (start < 0) {
			return codes;
		}
		Matcher matcher = CODES.matcher(page.substring(start, page.indexOf("</ol>", start)));
		while (matcher.find()) {
			codes.add(matcher.group(1));
		}
		return codes;
	}

	public String secret() {
		return secret;
	}

	public String code(Instant at) {
		try {
			return String.format("%06d",
					TOTP.generateOneTimePassword(new SecretKeySpec(decode(secret), "HmacSHA1"), at));
		}
		catch (InvalidKeyException ex) {
			throw new IllegalStateException(ex);
		}
	}

	public static byte[] decode(String base32) {
		String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		int buffer = 0;
		int bits = 0;
		for (char c : base32.toCharArray()) {
			buffer = (buffer << 5) | alphabet.indexOf(c);
			bits += 5;
			if (bits >= 8) {
				out.write((buffer >>> (bits - 8)) & 0xff);
				bits -= 8;
			}
		}
		return out.toByteArray();
	}

}
