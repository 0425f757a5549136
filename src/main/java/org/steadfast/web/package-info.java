/** Cross-cutting web concerns: security configuration, layout model, error pages, time display. */
@org.springframework.modulith.ApplicationModule(displayName = "Web")
package org.steadfast.web;
