/**
 * Moderation and safety: flags and the review queue, approval and watched words, the
 * personal-information guard, crisis care, sanctions, moderator notes and the audit log. It acts
 * on the forum through the forum's public API and guards every write through its PostGuard.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Moderation")
package org.steadfast.moderation;
