/** Root of the Account Security Service; features live in sub-packages. */
package org.accountsecurity;
