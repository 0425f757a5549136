package org.steadfast.ops;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** How this node runs ({@code steadfast.cluster}, {@code steadfast.node-name}, {@code steadfast.request-log}). */
@ConfigurationProperties("steadfast")
public class NodeProperties {

	/**
	 * One of several identical nodes (the cluster profile): search indexing is coordinated through
	 * the database and sign-in failures are counted there.
	 */
	private boolean cluster = false;
	/** This node's name in job records and logs; empty: the host name and process id. */
	private String nodeName = "";
	/** One summary line per request (method, path, status, time) in the {@code steadfast.requests} log. */
	private boolean requestLog = false;

	public boolean isCluster() { return cluster; }
	public void setCluster(boolean v) { cluster = v; }
	public String getNodeName() { return nodeName; }
	public void setNodeName(String v) { nodeName = v; }
	public boolean isRequestLog() { return requestLog; }
	public void setRequestLog(boolean v) { requestLog = v; }
}
