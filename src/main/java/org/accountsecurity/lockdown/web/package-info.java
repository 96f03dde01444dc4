/** The "This wasn't me" pages: confirm, then lock down. */
package org.accountsecurity.lockdown.web;
