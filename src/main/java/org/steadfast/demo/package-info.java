/**
 * A small demo community (members, topics, replies, tags, reactions) written on the first start
 * of the embedded profile, so that a fresh checkout shows a forum that looks lived in.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Demo data")
package org.steadfast.demo;
