package org.steadfast.notifications.internal;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import org.steadfast.accounts.Blocks;
import org.steadfast.forum.ForumActivity;
import org.steadfast.forum.ForumActivity.CommunityTopic;
import org.steadfast.forum.ForumActivity.NewReplies;
import org.steadfast.notifications.DigestPartnerSource;
import org.steadfast.plans.DayCounters;
import org.steadfast.plans.DayCounters.CheckInFact;
import org.steadfast.plans.DayCounters.Standing;

/**
 * What goes into the digests of a batch of readers, from the owners' batch reads: the forum's new
 * replies in followed topics (visibility and blocks applied there), the plans' day counters and
 * the partner's check-ins, the accounts' blocks; one statement for each, whatever the batch size.
 * The week's community topics are read once per run and filtered for each reader.
 */
@Component
public class DigestContent {

	/** Topics and items listed per section, so a busy week stays a short mail. */
	static final int PER_SECTION = 5;

	/** Community topics read per run, of which each reader sees the first three that are not theirs nor blocked. */
	static final int COMMUNITY_CANDIDATES = 20;

	public record TopicLine(String title, String url, int count) {
	}

	public record PartnerLine(String name, String url, int checkIns, int kept) {
	}

	public record PlanLine(long day, Integer nextMilestone, Long daysToGo, String url) {
	}

	/** One reader's digest: the template's model and the number of new replies (for the subject). */
	record Digest(Map<String, Object> model, int replyCount) {
	}

	private final ForumActivity forum;
	private final DayCounters dayCounters;
	private final Blocks blocks;
	private final ObjectProvider<DigestPartnerSource> partners;
	private final Mailer mailer;

	DigestContent(ForumActivity forum, DayCounters dayCounters, Blocks blocks, ObjectProvider<DigestPartnerSource> partners,
			Mailer mailer) {
		this.forum = forum;
		this.dayCounters = dayCounters;
		this.blocks = blocks;
		this.partners = partners;
		this.mailer = mailer;
	}

	/** The week's helpful advice and the topics waiting for an answer, chosen once per run. */
	Community community(Instant now) {
		return new Community(forum.helpfulAdvice(now, COMMUNITY_CANDIDATES),
				forum.waitingForAnAnswer(now, COMMUNITY_CANDIDATES));
	}

	/** Reads what the batch's digests need; each reader's digest is then put together by {@link Batch#digestFor}. */
	Batch batch(List<DigestJob.Reader> readers, Instant now, Community community) {
		List<Long> ids = readers.stream().map(DigestJob.Reader::id).toList();
		Map<Long, Instant> since = readers.stream().collect(Collectors.toMap(DigestJob.Reader::id, r -> r.since(now)));
		Map<Long, List<TopicLine>> replies = new HashMap<>();
		forum.newRepliesInFollowedTopics(since, now, PER_SECTION).forEach((reader, topics) -> replies.put(reader,
				topics.stream().map(this::line).toList()));
		Map<Long, PartnerLine> partnerLines = partnerLines(readers, now);
		Map<Long, ZoneId> zones = readers.stream().collect(Collectors.toMap(DigestJob.Reader::id, DigestJob.Reader::zone));
		Map<Long, PlanLine> plans = new HashMap<>();
		dayCounters.standings(zones, now).forEach((member, standing) -> plans.put(member, planLine(standing)));
		return new Batch(replies, partnerLines, plans, blocks.eitherWayFor(ids), community);
	}

	/** The batch's reads, and each reader's digest from them. */
	final class Batch {

		private final Map<Long, List<TopicLine>> replies;
		private final Map<Long, PartnerLine> partners;
		private final Map<Long, PlanLine> plans;
		private final Map<Long, Set<Long>> hidden;
		private final Community community;

		private Batch(Map<Long, List<TopicLine>> replies, Map<Long, PartnerLine> partners, Map<Long, PlanLine> plans,
				Map<Long, Set<Long>> hidden, Community community) {
			this.replies = replies;
			this.partners = partners;
			this.plans = plans;
			this.hidden = hidden;
			this.community = community;
		}

		/**
		 * Whether there is something new for the reader: replies in topics they follow (their plan
		 * included) or their partner's check-ins. Without it no digest is mailed.
		 */
		boolean hasNews(DigestJob.Reader reader) {
			return !replies.getOrDefault(reader.id(), List.of()).isEmpty() || partners.get(reader.id()) != null;
		}

		/** The reader's digest; only for a reader {@link #hasNews has news}. */
		Digest digestFor(DigestJob.Reader reader) {
			List<TopicLine> topicLines = replies.getOrDefault(reader.id(), List.of());
			int count = topicLines.stream().mapToInt(TopicLine::count).sum();
			Map<String, Object> model = new HashMap<>();
			model.put("replies", topicLines);
			model.put("replyCount", count);
			model.put("partner", partners.get(reader.id()));
			model.put("plan", plans.get(reader.id()));
			model.put("community", community.sectionsFor(reader.id(), hidden.getOrDefault(reader.id(), Set.of())));
			model.put("weekly", reader.weekly());
			return new Digest(model, count);
		}
	}

	private TopicLine line(NewReplies topic) {
		return new TopicLine(topic.title(), mailer.link("/t/" + topic.topicId() + "/" + topic.slug()), topic.replies());
	}

	private PlanLine planLine(Standing standing) {
		return new PlanLine(standing.dayNumber(), standing.nextMilestone().orElse(null),
				standing.daysToNextMilestone().orElse(null), mailer.link("/plans/" + standing.planTopicId()));
	}

	/** The partner's check-ins since the reader's last digest, when the partners module says who the partner is. */
	private Map<Long, PartnerLine> partnerLines(List<DigestJob.Reader> readers, Instant now) {
		DigestPartnerSource source = partners.getIfAvailable();
		if (source == null) {
			return Map.of();
		}
		Map<Long, Long> partnerOf = source.partnersOf(ids(readers));
		if (partnerOf.isEmpty()) {
			return Map.of();
		}
		Instant earliest = readers.stream().map(r -> r.since(now)).min(Instant::compareTo).orElse(now);
		List<CheckInFact> checkIns = dayCounters.checkInsForPartners(new HashSet<>(partnerOf.values()), earliest, now);
		Map<Long, PartnerLine> lines = new HashMap<>();
		for (DigestJob.Reader reader : readers) {
			Long partner = partnerOf.get(reader.id());
			if (partner == null) {
				continue;
			}
			List<CheckInFact> theirs = checkIns.stream()
					.filter(c -> c.memberId() == partner && c.at().isAfter(reader.since(now))).toList();
			if (!theirs.isEmpty()) {
				CheckInFact first = theirs.get(0);
				lines.put(reader.id(), new PartnerLine(first.displayName(), mailer.link("/plans/" + first.planTopicId()),
						theirs.size(), (int) theirs.stream().filter(CheckInFact::keptNoContact).count()));
			}
		}
		return lines;
	}

	private static List<Long> ids(Collection<DigestJob.Reader> readers) {
		return readers.stream().map(DigestJob.Reader::id).toList();
	}

	/**
	 * The week's helpful advice and the topics waiting for an answer: chosen once per run, then
	 * filtered for each reader (never their own topics, nor those of members either of them
	 * blocked). Most readers get the same few topics, so each distinct pair of sections is
	 * rendered once and the parts reused; the memo is bounded, so memory stays constant.
	 */
	final class Community {

		private static final int MEMO = 256;

		private final List<CommunityTopic> helpful;
		private final List<CommunityTopic> unanswered;
		private final Map<List<List<TopicLine>>, MailTemplates.Parts> rendered = new HashMap<>();

		private Community(List<CommunityTopic> helpful, List<CommunityTopic> unanswered) {
			this.helpful = helpful;
			this.unanswered = unanswered;
		}

		MailTemplates.Parts sectionsFor(long readerId, Set<Long> hidden) {
			List<TopicLine> helpfulLines = lines(helpful, readerId, hidden);
			List<TopicLine> unansweredLines = lines(unanswered, readerId, hidden);
			List<List<TopicLine>> key = List.of(helpfulLines, unansweredLines);
			MailTemplates.Parts parts = rendered.get(key);
			if (parts == null) {
				if (rendered.size() >= MEMO) {
					rendered.clear();
				}
				parts = mailer.templates().render("digest-community",
						Map.of("helpful", helpfulLines, "unanswered", unansweredLines));
				rendered.put(key, parts);
			}
			return parts;
		}

		private List<TopicLine> lines(List<CommunityTopic> topics, long readerId, Set<Long> hidden) {
			return topics.stream()
					.filter(t -> t.authorId() != readerId && !hidden.contains(t.authorId()))
					.limit(3)
					.map(t -> new TopicLine(t.title(), mailer.link("/t/" + t.id() + "/" + t.slug()), 0))
					.toList();
		}
	}
}
