package org.steadfast.partners.internal;

import java.time.Clock;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Configuration;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.scheduling.annotation.Scheduled;
import org.steadfast.partners.Nudges;
import org.steadfast.partners.PartnerMatching;
import org.steadfast.partners.Partnerships;
import org.steadfast.partners.SosAlerts;

/**
 * The partner jobs: matching once a day, and every minute closing what lapsed, nudging and
 * escalating SOS calls. Each job is idempotent through the database, so running on several nodes
 * at once sends nothing twice.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "steadfast.partners.jobs-enabled", havingValue = "true", matchIfMissing = true)
class PartnerJobs {

	private final PartnerMatching matching;
	private final Partnerships partnerships;
	private final Nudges nudges;
	private final SosAlerts sos;
	private final Clock clock;

	PartnerJobs(PartnerMatching matching, Partnerships partnerships, Nudges nudges, SosAlerts sos, Clock clock) {
		this.matching = matching;
		this.partnerships = partnerships;
		this.nudges = nudges;
		this.sos = sos;
		this.clock = clock;
	}

	@Scheduled(cron = "${steadfast.partners.match-cron:0 0 6 * * *}", zone = "UTC")
	// Kept alive while matching (SchedulingConfig), so a long run keeps its lock on a live node; a
	// crashed node's lock lapses after five minutes and the next node's run redoes what is left.
	@SchedulerLock(name = "partner-matching", lockAtMostFor = "PT5M", lockAtLeastFor = "PT1M")
	void matchDaily() {
		matching.matchAll(clock.instant());
	}

	@Scheduled(fixedDelayString = "PT1M", initialDelayString = "PT1M")
	@SchedulerLock(name = "partner-nudges-sos", lockAtMostFor = "PT5M", lockAtLeastFor = "PT20S")
	void everyMinute() {
		sos.escalateDue(clock.instant());
		partnerships.closeDue(clock.instant());
		nudges.sendDue(clock.instant());
	}
}
