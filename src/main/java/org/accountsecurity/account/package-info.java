/** Accounts, signing in and out, and the account details page. */
package org.accountsecurity.account;
