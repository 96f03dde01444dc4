/**
 * The privacy resources: who controls and who processes which data, the sub-processors,
 * the data processing agreement and its acceptance, the cookie settings of webinar pages,
 * and the holder's own data as one download.
 */
package org.accountsecurity.privacy;
