package org.steadfast.moderation;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** Tunable moderation settings ({@code steadfast.moderation.*}). */
@ConfigurationProperties("steadfast.moderation")
public class ModerationProperties {

	/** Flags from this many different members hide a post until a moderator decides. */
	private int flagThreshold = 3;
	/** New members' first posts wait for approval; 0 turns approval off. */
	private int approveFirstPosts = 0;
	/** "Crisis concern" flags one member may raise per day, so they can't be used to harass. */
	private int crisisFlagLimitPerDay = 3;
	/** Extra crisis phrases on top of the built-in list. */
	private List<String> crisisPhrases = new ArrayList<>();
	/**
	 * How old the sanctions each node holds in memory may be before they are read again: a sanction
	 * applied on another node of a cluster stops its member within about this long (at once on the
	 * node that applied it).
	 */
	private Duration sanctionRefresh = Duration.ofSeconds(2);

	public int getFlagThreshold() { return flagThreshold; }
	public void setFlagThreshold(int v) { flagThreshold = v; }
	public int getApproveFirstPosts() { return approveFirstPosts; }
	public void setApproveFirstPosts(int v) { approveFirstPosts = v; }
	public int getCrisisFlagLimitPerDay() { return crisisFlagLimitPerDay; }
	public void setCrisisFlagLimitPerDay(int v) { crisisFlagLimitPerDay = v; }
	public List<String> getCrisisPhrases() { return crisisPhrases; }
	public void setCrisisPhrases(List<String> v) { crisisPhrases = v; }
	public Duration getSanctionRefresh() { return sanctionRefresh; }
	public void setSanctionRefresh(Duration v) { sanctionRefresh = v; }
}
