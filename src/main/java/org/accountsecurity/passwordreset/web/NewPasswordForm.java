package org.accountsecurity.passwordreset.web;

/** The new-password form: the password and its confirmation. */
record NewPasswordForm(String password, String confirmPassword) {

	@Override
	public String toString() {
		return "NewPasswordForm[***]";
	}

}
