/**
 * Pages and API of accounts: sign-in page, account details, and operators' account
 * creation.
 */
package org.accountsecurity.account.web;
