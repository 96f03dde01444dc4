/**
 * The second-factor pages: TOTP enrolment and removal, recovery codes, the second sign-in
 * step.
 */
package org.accountsecurity.secondfactor.web;
