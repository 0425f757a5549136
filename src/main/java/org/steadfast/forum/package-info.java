/**
 * The forum: categories, topics, posts, tags, reactions and read state. Plans are topics of kind
 * PLAN and check-ins are posts in them, so other modules reuse this API rather than their own.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Forum")
package org.steadfast.forum;
