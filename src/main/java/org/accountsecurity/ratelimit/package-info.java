/**
 * Fixed-window counters in Redis that throttle requests per account and per client
 * address.
 */
package org.accountsecurity.ratelimit;
