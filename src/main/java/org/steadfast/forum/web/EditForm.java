package org.steadfast.forum.web;

record EditForm(String title, String body, Long version) {
}
