/**
 * Pages and API of privacy: {@code /privacy}, the agreement's download, Account details →
 * Privacy, the data download and the public cookie settings of webinar pages.
 */
package org.accountsecurity.privacy.web;
