package org.steadfast.text;

/**
 * A post as the page shows it and as search and excerpts see it.
 *
 * @param html sanitized HTML, safe to insert unescaped
 * @param plainText the visible text, tags removed and whitespace collapsed; escape it like any user text
 */
public record RenderedText(String html, String plainText) {
}
