package org.steadfast.web.internal;

import org.apache.catalina.Host;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.boot.tomcat.ConfigurableTomcatWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.stereotype.Component;

/**
 * A request so malformed that it never reaches the application (a broken %-escape in the URL) is
 * answered by Tomcat itself: make that answer a bare status page without server name or details.
 */
@Component
class TomcatConfig implements WebServerFactoryCustomizer<ConfigurableTomcatWebServerFactory> {

	@Override
	public void customize(ConfigurableTomcatWebServerFactory factory) {
		factory.addContextCustomizers(context -> {
			if (context.getParent() instanceof Host host) {
				var valve = new ErrorReportValve();
				valve.setShowReport(false);
				valve.setShowServerInfo(false);
				host.getPipeline().addValve(valve);
			}
		});
	}
}
