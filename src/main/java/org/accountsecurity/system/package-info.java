/** Cross-cutting plumbing every feature may use: the clock and the start-up checks of production settings. */
package org.accountsecurity.system;
