package org.accountsecurity.system;

/**
 * A setting is missing or invalid; the message names it and says what is wrong, on one
 * line.
 */
public class InvalidSetting extends RuntimeException {

	private final String setting;

	public InvalidSetting(String setting, String problem) {
		super(setting + " " + problem);
		this.setting = setting;
	}

	public String setting() {
		return setting;
	}

}
