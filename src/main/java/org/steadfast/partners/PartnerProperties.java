package org.steadfast.partners;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** Tunable partner settings ({@code steadfast.partners.*}). */
@ConfigurationProperties("steadfast.partners")
public class PartnerProperties {

	/** Accounts younger than this are not matched yet. */
	private Duration minAccountAge = Duration.ofDays(7);
	/** Both must accept a proposal within this time, or it lapses. */
	private Duration proposalLifetime = Duration.ofHours(72);
	/** The agreed length of a partnership, and of each renewal. */
	private int partnershipDays = 30;
	/** A nudge goes out this long after the member's usual check-in hour. */
	private Duration nudgeGrace = Duration.ofHours(2);
	/** An SOS nobody answered goes to volunteer helpers after this long. */
	private Duration sosEscalateAfter = Duration.ofMinutes(15);
	/** The wait the SOS page asks for before acting. */
	private Duration sosWait = Duration.ofMinutes(10);
	/** Greatest difference of local time between partners, in hours. */
	private int maxHoursApart = 3;
	/** Greatest number of days between the start dates of their plans. */
	private int maxCohortDays = 60;
	/** When the daily matching runs (server time, cron). */
	private String matchCron = "0 0 6 * * *";
	/** Whether the scheduled jobs run on this node (tests run them by hand). */
	private boolean jobsEnabled = true;

	public Duration getMinAccountAge() { return minAccountAge; }
	public void setMinAccountAge(Duration v) { minAccountAge = v; }
	public Duration getProposalLifetime() { return proposalLifetime; }
	public void setProposalLifetime(Duration v) { proposalLifetime = v; }
	public int getPartnershipDays() { return partnershipDays; }
	public void setPartnershipDays(int v) { partnershipDays = v; }
	public Duration getNudgeGrace() { return nudgeGrace; }
	public void setNudgeGrace(Duration v) { nudgeGrace = v; }
	public Duration getSosEscalateAfter() { return sosEscalateAfter; }
	public void setSosEscalateAfter(Duration v) { sosEscalateAfter = v; }
	public Duration getSosWait() { return sosWait; }
	public void setSosWait(Duration v) { sosWait = v; }
	public int getMaxHoursApart() { return maxHoursApart; }
	public void setMaxHoursApart(int v) { maxHoursApart = v; }
	public int getMaxCohortDays() { return maxCohortDays; }
	public void setMaxCohortDays(int v) { maxCohortDays = v; }
	public String getMatchCron() { return matchCron; }
	public void setMatchCron(String v) { matchCron = v; }
	public boolean isJobsEnabled() { return jobsEnabled; }
	public void setJobsEnabled(boolean v) { jobsEnabled = v; }
}
