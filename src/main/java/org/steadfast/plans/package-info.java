/**
 * No-contact plans and daily check-ins. A plan is a forum topic of kind PLAN and a check-in is a
 * post in it, so replies, reactions, search and notifications work for them as for any topic;
 * this module adds the plan's own data (dates, slips, the contact log, check-in values) and the
 * day counter. Check-ins live here rather than in a module of their own because a check-in and
 * a slip need each other ("no contact kept: record the slip?"), which two modules could only do
 * through a cycle.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Plans and check-ins")
package org.steadfast.plans;
