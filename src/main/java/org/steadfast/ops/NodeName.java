package org.steadfast.ops;

import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.UnknownHostException;
import org.springframework.stereotype.Component;

/**
 * This node's name in job records and logs: {@code steadfast.node-name} ({@code STEADFAST_NODE_NAME}),
 * or the host name and process id.
 */
@Component
public class NodeName {

	private final String value;

	NodeName(NodeProperties properties) {
		String configured = properties.getNodeName();
		this.value = configured == null || configured.isBlank() ? host() + ":" + ManagementFactory.getRuntimeMXBean().getPid() : configured;
	}

	public String value() {
		return value;
	}

	private static String host() {
		try {
			return InetAddress.getLocalHost().getHostName();
		}
		catch (UnknownHostException e) {
			return "localhost";
		}
	}
}
