/**
 * Cross-cutting plumbing every feature may use: the clock, the start-up checks of
 * production settings, and waiting for work done on another thread.
 */
package org.accountsecurity.system;
