/**
 * Accountability partners: opt-in partner profiles, matching (the pure engine is in
 * {@code matching}), proposals both must accept, partnerships for a set time, the partner view,
 * private messages, nudges and SOS. Safety first: either side can leave with one click, a block or
 * a report ends a partnership at once, and a pair that ended is never proposed again.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Partners")
package org.steadfast.partners;
