package org.steadfast.partners;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.steadfast.accounts.Blocks;
import org.steadfast.accounts.MemberFacts;
import org.steadfast.accounts.MemberFacts.Facts;
import org.steadfast.common.Refusal;
import org.steadfast.moderation.MemberStanding;
import org.steadfast.plans.CheckInFacts;
import org.steadfast.partners.PartnerEvents.ProposalMade;
import org.steadfast.common.Utc;
import org.steadfast.partners.matching.Candidate;
import org.steadfast.partners.matching.Exclusions;
import org.steadfast.partners.matching.Matcher;
import org.steadfast.partners.matching.Pair;
import org.steadfast.partners.matching.Result;
import org.steadfast.partners.matching.Rules;
import org.steadfast.partners.matching.Waiting;

/**
 * Proposes partners: loads the pool of members looking (opted in, an active plan, an account old
 * enough, not sanctioned, not already in a proposal or partnership) and the pairs that must never
 * be proposed, lets {@link Matcher} choose the pairs with the greatest total fit, and writes each
 * proposal in its own transaction. The unique pair key and the one-row-per-member
 * {@code partner_busy} table make a second run, on this node or another, propose nothing twice.
 * <p>
 * "Not sanctioned" means no silence, suspension or ban in force. A warning does not keep a member
 * out: it is a message from the moderators, not a restriction, and a moderator who wants someone
 * kept away from partners silences them. Blocks and reports between two members keep that pair
 * apart whatever their sanctions ({@link org.steadfast.partners.matching.Exclusions}).
 */
@Service
public class PartnerMatching {

	private static final Logger log = LoggerFactory.getLogger(PartnerMatching.class);

	/** What a run did: pairs proposed now, and how many stayed waiting. */
	public record Run(int poolSize, List<Pair> proposed, int waiting, long millis) {
	}

	/** The outcome of "find me a partner" for one member. */
	public enum Found {
		PROPOSED, WAITING_NO_COMPATIBLE, WAITING_EXCLUDED, WAITING_BETTER_ELSEWHERE, NO_ACTIVE_PLAN, ACCOUNT_TOO_NEW,
		NOT_LOOKING, SANCTIONED
	}

	private final JdbcClient jdbc;
	private final PartnerProperties properties;
	private final ApplicationEventPublisher events;
	private final TransactionTemplate transactions;
	private final PartnerProfiles profiles;
	private final Partnerships partnerships;
	private final JdbcTemplate batch;
	private final MemberFacts members;
	private final Blocks blocks;
	private final CheckInFacts checkIns;
	private final MemberStanding standing;

	PartnerMatching(JdbcClient jdbc, JdbcTemplate batch, PartnerProperties properties, ApplicationEventPublisher events,
			PlatformTransactionManager transactionManager, PartnerProfiles profiles, Partnerships partnerships,
			MemberFacts members, Blocks blocks, CheckInFacts checkIns, MemberStanding standing) {
		this.jdbc = jdbc;
		this.members = members;
		this.blocks = blocks;
		this.checkIns = checkIns;
		this.standing = standing;
		this.partnerships = partnerships;
		this.batch = batch;
		this.properties = properties;
		this.events = events;
		this.transactions = new TransactionTemplate(transactionManager);
		this.profiles = profiles;
	}

	/** The daily job: match the whole pool and propose every chosen pair. */
	public Run matchAll(Instant now) {
		long started = System.nanoTime();
		// Members of lapsed proposals and ended partnerships are free again before the pool is read.
		partnerships.closeDue(now);
		List<Candidate> pool = pool(now);
		Exclusions exclusions = exclusions(pool);
		long loaded = System.nanoTime();
		Result result = Matcher.match(pool, exclusions, now, rules());
		long matched = System.nanoTime();
		List<Pair> proposed = proposeAll(result.pairs(), now);
		recordWaiting(result.waiting(), now);
		long written = System.nanoTime();
		long millis = (written - started) / 1_000_000;
		log.info("Partner matching: {} looking, {} pairs proposed, {} waiting, {} ms (loading {} ms, matching {} ms, writing {} ms)",
				pool.size(), proposed.size(), result.waiting().size(), millis, (loaded - started) / 1_000_000,
				(matched - loaded) / 1_000_000, (written - matched) / 1_000_000);
		return new Run(pool.size(), proposed, result.waiting().size(), millis);
	}

	/**
	 * "Find me a partner": the whole pool is matched as the daily job would, so that the member is
	 * given the partner the best overall choice gives them; only their own pair is proposed now.
	 */
	public Found findFor(long memberId, Instant now) {
		partnerships.closeDue(now);
		if (busy(memberId)) {
			throw new Refusal(Refusal.Reason.CONFLICT, null, "partners.find.alreadyPaired");
		}
		if (!profiles.of(memberId).looking()) {
			return Found.NOT_LOOKING;
		}
		List<Candidate> pool = pool(now);
		if (pool.stream().noneMatch(c -> c.memberId() == memberId)) {
			return whyNotInPool(memberId, now);
		}
		Result result = Matcher.match(pool, exclusions(pool), now, rules());
		Optional<Pair> mine = result.pairs().stream().filter(p -> p.contains(memberId)).findFirst();
		if (mine.isPresent() && propose(mine.get(), now)) {
			return Found.PROPOSED;
		}
		Waiting reason = result.waiting().getOrDefault(memberId, Waiting.BETTER_OVERALL_ELSEWHERE);
		recordWaiting(Map.of(memberId, reason), now);
		return switch (reason) {
			case NO_COMPATIBLE_MEMBER -> Found.WAITING_NO_COMPATIBLE;
			case ALL_COMPATIBLE_EXCLUDED -> Found.WAITING_EXCLUDED;
			case BETTER_OVERALL_ELSEWHERE -> Found.WAITING_BETTER_ELSEWHERE;
		};
	}

	private Found whyNotInPool(long memberId, Instant now) {
		Facts member = members.of(List.of(memberId)).get(memberId);
		if (member.suspendedAt(now) || !standing.restrictedAt(List.of(memberId), now).isEmpty()) {
			return Found.SANCTIONED;
		}
		if (checkIns.activePlanStarts(List.of(memberId)).isEmpty()) {
			return Found.NO_ACTIVE_PLAN;
		}
		return Found.ACCOUNT_TOO_NEW;
	}

	Rules rules() {
		return new Rules(properties.getMaxHoursApart(), properties.getMaxCohortDays());
	}

	/**
	 * Everyone who may be matched now: looking and free (here), with an active plan (plans), an
	 * account old enough and not suspended (accounts), and no restricting sanction (moderation).
	 */
	List<Candidate> pool(Instant now) {
		record Looking(long memberId, String wishes, int hour) {
		}
		List<Looking> looking = jdbc.sql("""
				select pp.member_id, pp.wishes, pp.check_in_hour from partner_profile pp
				where pp.looking = true and not exists (select 1 from partner_busy b where b.member_id = pp.member_id)
				order by pp.member_id""")
				.query((rs, n) -> new Looking(rs.getLong(1), rs.getString(2), rs.getInt(3)))
				.list();
		Map<Long, LocalDate> starts = checkIns.activePlanStarts(looking.stream().map(Looking::memberId).toList());
		Instant oldEnough = now.minus(properties.getMinAccountAge());
		Map<Long, Facts> facts = members.of(starts.keySet());
		List<Long> unsuspended = facts.values().stream()
				.filter(f -> !f.joinedAt().isAfter(oldEnough) && !f.suspendedAt(now)).map(Facts::id).toList();
		Set<Long> restricted = standing.restrictedAt(unsuspended, now);
		Set<Long> eligible = new HashSet<>(unsuspended);
		eligible.removeAll(restricted);
		return looking.stream().filter(l -> eligible.contains(l.memberId()))
				.map(l -> new Candidate(l.memberId(), facts.get(l.memberId()).zone(), starts.get(l.memberId()),
						PartnerProfiles.wishes(l.wishes()), l.hour()))
				.toList();
	}

	/**
	 * Pairs never to propose, among the members of the pool: one blocked the other, one flagged a
	 * post of the other, or they were proposed to each other before (whatever came of it: declined,
	 * lapsed, or a partnership that ended). Loaded once per run, answered from memory.
	 */
	Exclusions exclusions(List<Candidate> pool) {
		List<Long> ids = pool.stream().map(Candidate::memberId).toList();
		Set<Long> inPool = new HashSet<>(ids);
		Set<List<Long>> pairs = new HashSet<>();
		for (int from = 0; from < ids.size(); from += BLOCKS_ASKED) {
			blocks.eitherWayFor(ids.subList(from, Math.min(ids.size(), from + BLOCKS_ASKED)))
					.forEach((member, others) -> others.stream().filter(inPool::contains)
							.forEach(other -> pairs.add(pair(member, other))));
		}
		standing.reportsBy(ids).stream().filter(r -> inPool.contains(r.authorId()))
				.forEach(r -> pairs.add(pair(r.reporterId(), r.authorId())));
		jdbc.sql("""
				select pr.member_a, pr.member_b from partner_proposal pr
				join partner_profile x on x.member_id = pr.member_a and x.looking = true
				join partner_profile y on y.member_id = pr.member_b and y.looking = true""")
				.query(rs -> {
					pairs.add(pair(rs.getLong(1), rs.getLong(2)));
				});
		return (a, b) -> pairs.contains(pair(a, b));
	}

	/** Members whose blocks one statement asks for, so that a large pool does not make one huge statement. */
	private static final int BLOCKS_ASKED = 1000;

	private static List<Long> pair(long a, long b) {
		return List.of(Math.min(a, b), Math.max(a, b));
	}

	/** How many proposals one transaction writes: a commit per pair would make the daily run slow. */
	private static final int CHUNK = 200;

	/** Writes the proposals in chunks; returns the pairs actually proposed. */
	List<Pair> proposeAll(List<Pair> pairs, Instant now) {
		List<Pair> proposed = new ArrayList<>();
		for (int from = 0; from < pairs.size(); from += CHUNK) {
			List<Pair> chunk = pairs.subList(from, Math.min(pairs.size(), from + CHUNK));
			transactions.executeWithoutResult(status -> {
				List<Long> matched = new ArrayList<>();
				for (Pair pair : chunk) {
					if (write(pair, now)) {
						proposed.add(pair);
						matched.add(pair.a());
						matched.add(pair.b());
					}
				}
				if (!matched.isEmpty()) {
					jdbc.sql("update partner_profile set waiting_reason = null, matched_at = :now where member_id in (:ids)")
							.param("now", Utc.of(now)).param("ids", matched).update();
				}
			});
		}
		return proposed;
	}

	/** Writes one proposal, or nothing when either member was proposed or paired meanwhile. */
	boolean propose(Pair pair, Instant now) {
		return proposeAll(List.of(pair), now).size() == 1;
	}

	/**
	 * One proposal inside the caller's transaction. The unique pair key and the busy table's
	 * primary key refuse a pair proposed before or a member taken meanwhile (by another node); what
	 * this pair wrote before the refusal is removed again, and the rest of the chunk goes on (on
	 * H2 and MySQL/MariaDB a refused statement does not end the transaction).
	 */
	private boolean write(Pair pair, Instant now) {
		Long id = null;
		try {
			var keys = new GeneratedKeyHolder();
			jdbc.sql("""
					insert into partner_proposal (member_a, member_b, fit, status, created_at, expires_at)
					values (?, ?, ?, 'OPEN', ?, ?)""")
					.params(pair.a(), pair.b(), pair.fit(), Utc.of(now), Utc.of(now.plus(properties.getProposalLifetime())))
					.update(keys, "id");
			id = keys.getKey().longValue();
			// One statement for both: it inserts both rows or, when either member is taken, neither.
			jdbc.sql("insert into partner_busy (member_id, proposal_id) values (?, ?), (?, ?)")
					.params(pair.a(), id, pair.b(), id).update();
		}
		catch (DataIntegrityViolationException e) {
			if (id != null) {
				jdbc.sql("delete from partner_proposal where id = ?").param(id).update();
			}
			return false;
		}
		events.publishEvent(new ProposalMade(id, pair.a(), pair.b()));
		events.publishEvent(new ProposalMade(id, pair.b(), pair.a()));
		return true;
	}

	private boolean busy(long memberId) {
		return jdbc.sql("select count(*) from partner_busy where member_id = ?").param(memberId).query(Integer.class)
				.single() > 0;
	}

	private void recordWaiting(Map<Long, Waiting> waiting, Instant now) {
		if (waiting.isEmpty()) {
			return;
		}
		List<Object[]> rows = new ArrayList<>();
		waiting.forEach((member, reason) -> rows.add(new Object[] { reason.name(), Utc.of(now), member }));
		transactions.executeWithoutResult(status -> batch.batchUpdate("update partner_profile set waiting_reason = ?, matched_at = ? where member_id = ?", rows));
	}
}
