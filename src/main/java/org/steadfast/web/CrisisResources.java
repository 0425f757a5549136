package org.steadfast.web;

import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * Helplines shown on the "Need help now?" page and in the crisis panel, configurable per country
 * ({@code steadfast.crisis.helplines}, and {@code abuse-helplines} for domestic abuse) so that an installation can list the ones its members use.
 */
@Component("crisisResources")
@ConfigurationProperties("steadfast.crisis")
public class CrisisResources {

	/** One helpline: where, who, how to reach them, and where to read more. */
	public record Helpline(String country, String name, String contact, String url) {
	}

	private List<Helpline> helplines = new ArrayList<>();

	/** Domestic abuse helplines, shown with the guidance of a plan to stay safe from someone who hurt them. */
	private List<Helpline> abuseHelplines = new ArrayList<>();

	public List<Helpline> getAbuseHelplines() {
		return abuseHelplines;
	}

	public void setAbuseHelplines(List<Helpline> abuseHelplines) {
		this.abuseHelplines = abuseHelplines;
	}

	public List<Helpline> getHelplines() {
		return helplines;
	}

	public void setHelplines(List<Helpline> helplines) {
		this.helplines = helplines;
	}
}
