/** Members: registration, sign-in identity, settings, profiles and roles. */
@org.springframework.modulith.ApplicationModule(displayName = "Accounts")
package org.steadfast.accounts;
