/**
 * The holder's defence: the new-device alert after a sign-in from an unknown browser, and
 * the lockdown its "This wasn't me" link leads to (pages in {@code web/}).
 */
package org.accountsecurity.lockdown;
