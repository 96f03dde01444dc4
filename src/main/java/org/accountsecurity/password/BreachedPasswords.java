package org.accountsecurity.password;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Locale;

import com.nulabinc.zxcvbn.StandardDictionaries;

import org.springframework.stereotype.Component;

/**
 * The 30,000 most common passwords seen in breaches (zxcvbn's {@code passwords} list,
 * shipped in the zxcvbn4j jar), held as a sorted lower-case array: about 1 MB, loaded
 * once at start-up, searched in O(log n).
 */
@Component
public class BreachedPasswords {

	private final String[] sorted;

	/**
	 * Loads zxcvbn's password list; start-up fails if it can't be read, so the policy
	 * never runs without it.
	 */
	public BreachedPasswords() {
		this(load());
	}

	BreachedPasswords(Collection<String> passwords) {
		this.sorted = passwords.stream().map(BreachedPasswords::lower).distinct().sorted().toArray(String[]::new);
	}

	/**
	 * Tells whether a whole password is on the list, ignoring case; a passphrase that
	 * merely contains a listed word is not.
	 * @param normalizedPassword the NFKC-normalised password, may be {@code null}
	 * @return whether it is listed
	 */
	public boolean contains(String normalizedPassword) {
		return normalizedPassword != null && Arrays.binarySearch(this.sorted, lower(normalizedPassword)) >= 0;
	}

	/**
	 * The number of distinct entries.
	 * @return the size of the list
	 */
	public int size() {
		return this.sorted.length;
	}

	private static String lower(String password) {
		return password.toLowerCase(Locale.ROOT);
	}

	private static List<String> load() {
		try {
			return StandardDictionaries.PASSWORDS_LOADER.load().getFrequencies();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not load the common-password list", ex);
		}
	}

}
