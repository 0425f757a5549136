/**
 * Notifications: in-app notifications and the bell, preferences per kind, the mail outbox and its
 * SMTP sender, account mail (verification, password reset, address change), the email digest and
 * one-click unsubscribe. It listens to the other modules' events and never changes their data.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Notifications")
package org.steadfast.notifications;
