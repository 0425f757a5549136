package org.steadfast.forum;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** Tunable forum limits ({@code steadfast.forum.*}). */
@ConfigurationProperties("steadfast.forum")
public class ForumProperties {

	/** Posts per topic page. */
	private int postsPerPage = 50;
	/** Topics per list page. */
	private int topicsPerPage = 30;
	/** Minimum time between two posts of one member. */
	private Duration minTimeBetweenPosts = Duration.ofSeconds(10);
	/** The same text again within this window is refused. */
	private Duration duplicateWindow = Duration.ofMinutes(5);
	/** Members younger than this have a daily cap. */
	private Duration newMemberAge = Duration.ofDays(1);
	/** Posts per 24 hours for new members. */
	private int newMemberDailyCap = 20;
	/** How long a posting form stays valid. */
	private Duration formTokenLifetime = Duration.ofDays(2);
	/** Secret for signing posting-form tokens; set it when several nodes serve the forum. */
	private String formTokenSecret = "";
	/**
	 * Keep topic pages as every reader shares them until the next write on this node. Off in the
	 * cluster profile, where another node's write would not reach this node's copy.
	 */
	private boolean sharedPageCache = true;
	/** At most this many bytes of kept topic pages. */
	private long sharedPageCacheBytes = 64L * 1024 * 1024;
	/** The most characters a draft keeps, all its fields together (a post may hold 20,000). */
	private int draftMaxChars = 40_000;

	public int getPostsPerPage() { return postsPerPage; }
	public void setPostsPerPage(int v) { postsPerPage = v; }
	public int getTopicsPerPage() { return topicsPerPage; }
	public void setTopicsPerPage(int v) { topicsPerPage = v; }
	public Duration getMinTimeBetweenPosts() { return minTimeBetweenPosts; }
	public void setMinTimeBetweenPosts(Duration v) { minTimeBetweenPosts = v; }
	public Duration getDuplicateWindow() { return duplicateWindow; }
	public void setDuplicateWindow(Duration v) { duplicateWindow = v; }
	public Duration getNewMemberAge() { return newMemberAge; }
	public void setNewMemberAge(Duration v) { newMemberAge = v; }
	public int getNewMemberDailyCap() { return newMemberDailyCap; }
	public void setNewMemberDailyCap(int v) { newMemberDailyCap = v; }
	public Duration getFormTokenLifetime() { return formTokenLifetime; }
	public void setFormTokenLifetime(Duration v) { formTokenLifetime = v; }
	public String getFormTokenSecret() { return formTokenSecret; }
	public void setFormTokenSecret(String v) { formTokenSecret = v; }
	public boolean isSharedPageCache() { return sharedPageCache; }
	public void setSharedPageCache(boolean v) { sharedPageCache = v; }
	public long getSharedPageCacheBytes() { return sharedPageCacheBytes; }
	public void setSharedPageCacheBytes(long v) { sharedPageCacheBytes = v; }
	public int getDraftMaxChars() { return draftMaxChars; }
	public void setDraftMaxChars(int v) { draftMaxChars = v; }
}
