/**
 * Running Steadfast: scheduled jobs (one node at a time, each run recorded), request ids in the logs,
 * and the health the load balancer asks. The same on one node and on many.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Operations")
package org.steadfast.ops;
