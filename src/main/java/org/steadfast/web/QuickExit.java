package org.steadfast.web;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * Where "Leave quickly" goes ({@code steadfast.quick-exit.url}): a neutral site that says nothing
 * about why someone was here. Read by the layout as {@code @quickExit.url}.
 */
@Component("quickExit")
@ConfigurationProperties("steadfast.quick-exit")
public class QuickExit {

	private String url = "https://www.bbc.co.uk/weather";

	public String getUrl() {
		return url;
	}

	public void setUrl(String url) {
		this.url = url;
	}
}
