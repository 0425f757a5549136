package org.steadfast.partners;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
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
import org.steadfast.common.Refusal;
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

	PartnerMatching(JdbcClient jdbc, JdbcTemplate batch, PartnerProperties properties, ApplicationEventPublisher events,
			PlatformTransactionManager transactionManager, PartnerProfiles profiles, Partnerships partnerships) {
		this.jdbc = jdbc;
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
		Exclusions exclusions = exclusions();
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
		Result result = Matcher.match(pool, exclusions(), now, rules());
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
		var row = jdbc.sql("""
				select m.created_at, m.suspended_until,
				       (select count(*) from plan p where p.active_member_id = m.id) as plans,
				       (select count(*) from sanction s where s.member_id = m.id and s.kind <> 'WARN' and s.lifted_at is null
				        and s.starts_at <= ? and (s.ends_at is null or s.ends_at > ?)) as sanctions
				from member m where m.id = ?""")
				.params(Utc.of(now), Utc.of(now), memberId)
				.query((rs, n) -> new Object[] { Utc.read(rs, "created_at"), Utc.read(rs, "suspended_until"),
						rs.getInt("plans"), rs.getInt("sanctions") })
				.single();
		if ((int) row[3] > 0 || (row[1] != null && ((Instant) row[1]).isAfter(now))) {
			return Found.SANCTIONED;
		}
		if ((int) row[2] == 0) {
			return Found.NO_ACTIVE_PLAN;
		}
		return Found.ACCOUNT_TOO_NEW;
	}

	Rules rules() {
		return new Rules(properties.getMaxHoursApart(), properties.getMaxCohortDays());
	}

	/** Everyone who may be matched now. */
	List<Candidate> pool(Instant now) {
		return jdbc.sql("""
				select pp.member_id, m.time_zone, pl.start_date, pp.wishes, pp.check_in_hour
				from partner_profile pp
				join member m on m.id = pp.member_id
				join plan pl on pl.active_member_id = pp.member_id
				where pp.looking = true
				  and m.created_at <= :oldEnough
				  and (m.suspended_until is null or m.suspended_until <= :now)
				  and not exists (select 1 from partner_busy b where b.member_id = pp.member_id)
				  and not exists (select 1 from sanction s where s.member_id = pp.member_id and s.kind <> 'WARN'
				                  and s.lifted_at is null and s.starts_at <= :now and (s.ends_at is null or s.ends_at > :now))
				order by pp.member_id""")
				.param("oldEnough", Utc.of(now.minus(properties.getMinAccountAge())))
				.param("now", Utc.of(now))
				.query((rs, n) -> new Candidate(rs.getLong(1), ZoneId.of(rs.getString(2)), rs.getObject(3, LocalDate.class),
						PartnerProfiles.wishes(rs.getString(4)), rs.getInt(5)))
				.list();
	}

	/**
	 * Pairs never to propose, among members who are looking: one blocked the other, one flagged a
	 * post of the other, or they were proposed to each other before (whatever came of it: declined,
	 * lapsed, or a partnership that ended). Loaded once per run, answered from memory.
	 */
	Exclusions exclusions() {
		Set<List<Long>> pairs = new HashSet<>();
		jdbc.sql("""
				select b.blocker_id, b.blocked_id from member_block b
				join partner_profile x on x.member_id = b.blocker_id and x.looking = true
				join partner_profile y on y.member_id = b.blocked_id and y.looking = true
				union all
				select f.member_id, p.author_id from flag f join post p on p.id = f.post_id
				join partner_profile x on x.member_id = f.member_id and x.looking = true
				join partner_profile y on y.member_id = p.author_id and y.looking = true
				union all
				select pr.member_a, pr.member_b from partner_proposal pr
				join partner_profile x on x.member_id = pr.member_a and x.looking = true
				join partner_profile y on y.member_id = pr.member_b and y.looking = true""")
				.query(rs -> {
					long a = rs.getLong(1);
					long b = rs.getLong(2);
					pairs.add(List.of(Math.min(a, b), Math.max(a, b)));
				});
		return (a, b) -> pairs.contains(List.of(Math.min(a, b), Math.max(a, b)));
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
