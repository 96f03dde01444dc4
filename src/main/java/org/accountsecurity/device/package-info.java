/**
 * Known browsers: the signed device cookie naming the accounts that completed a sign-in
 * in a browser, the keys that sign it, and user agents in words.
 */
package org.accountsecurity.device;
