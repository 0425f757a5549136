package org.steadfast.accounts.web;

record SettingsForm(String displayName, String timeZone) {
}
