/**
 * Steps that must follow a committed credential change (revoke reset links, end sessions,
 * queue the notice): recorded in SQL in the change's own transaction, tried right after
 * the commit and retried by a worker until each is done, so a Redis outage at that moment
 * delays them but never loses them.
 */
package org.accountsecurity.afterchange;
