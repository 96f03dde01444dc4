/**
 * The operators' audit console and the audit JSON API: search, export, chain check,
 * account requests.
 */
package org.accountsecurity.operator.web;
