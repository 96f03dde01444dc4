/**
 * Cross-cutting plumbing every feature may use: the clock, the start-up checks of
 * production settings, the public base URL that links in mails start from, RFC 9457
 * problems, and waiting for work done on another thread.
 */
package org.accountsecurity.system;
