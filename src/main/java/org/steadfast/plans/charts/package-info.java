/**
 * Pictures of a plan drawn as inline SVG on the server, so that the plan page needs no script and
 * no chart library and still works on a phone. Every chart comes with the rows of a data table,
 * because an image with tooltips is not something a screen reader user can explore.
 */
package org.steadfast.plans.charts;
