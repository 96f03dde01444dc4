/**
 * Who is asking, and how little of it the service keeps: where a request came from, the
 * address it names, keyed pseudonyms, stored forms of client addresses and neutralised
 * input. Depends on no other module.
 */
package org.accountsecurity.requester;
