package org.steadfast.partners.web;

/** The message to the partner as written, shown again with its error when it could not be sent. */
record MessageForm(String body) {
}
