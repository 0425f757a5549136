package org.steadfast.forum.web;

record ReplyForm(String body, String formToken) {
}
