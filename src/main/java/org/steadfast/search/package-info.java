/**
 * Search over the forum's Hibernate Search index: the results page with highlights, facets and
 * filters, similar topics while composing, and keeping the index built. The mapping itself lives
 * on the forum's entities ({@link org.steadfast.forum.ForumIndex}); who may find what is part of
 * every query here, never a filter applied to a page afterwards.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Search")
package org.steadfast.search;
