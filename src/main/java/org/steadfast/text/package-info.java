/** Text handling shared by every module: plain-text hygiene, Markdown to safe HTML, excerpts. */
@org.springframework.modulith.ApplicationModule(displayName = "Text")
package org.steadfast.text;
