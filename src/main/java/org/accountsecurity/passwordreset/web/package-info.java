/**
 * The reset pages (forgot password, the opened link, the new-password form) and the reset
 * JSON API.
 */
package org.accountsecurity.passwordreset.web;
