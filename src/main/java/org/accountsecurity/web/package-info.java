/**
 * The web edge: security filter chains, headers, locale, request ids and error answers.
 * Nothing depends on it.
 */
package org.accountsecurity.web;
