/** The public key that verifies Security Event Tokens, as a JWK Set. */
package org.accountsecurity.securityevents.web;
