package org.accountsecurity.password;

/**
 * The policy's numbers, so that a form can state the rules in plain words before anyone
 * types ({@code password.rules.*} messages).
 *
 * @param minLength fewest characters (code points)
 * @param maxLength most characters (code points)
 * @param history how many recent passwords a new one must differ from; 0 when not checked
 */
public record PasswordRules(int minLength, int maxLength, int history) {

}
