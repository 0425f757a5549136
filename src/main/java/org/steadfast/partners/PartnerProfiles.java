package org.steadfast.partners;

import java.time.Clock;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.steadfast.partners.internal.CurrentPartners;
import org.steadfast.common.Utc;
import org.steadfast.partners.matching.Waiting;
import org.steadfast.partners.matching.Wish;

/** Partner profiles: opt-in, what a member hopes for, and whether they volunteer as an SOS helper. */
@Service
public class PartnerProfiles {

	/** What the profile form asks, validated by {@link PartnerRules#profile}. */
	public record Draft(boolean looking, int checkInHour, Set<Wish> wishes, String intro, boolean sosHelper) {
	}

	private final JdbcClient jdbc;
	private final Clock clock;
	private final CurrentPartners current;

	PartnerProfiles(JdbcClient jdbc, Clock clock, CurrentPartners current) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.current = current;
	}

	@Transactional(readOnly = true)
	public PartnerProfile of(long memberId) {
		return find(memberId).orElseGet(() -> PartnerProfile.off(memberId));
	}

	@Transactional(readOnly = true)
	public Optional<PartnerProfile> find(long memberId) {
		return jdbc.sql("""
				select member_id, looking, check_in_hour, wishes, intro, sos_helper, waiting_reason, matched_at
				from partner_profile where member_id = ?""")
				.param(memberId)
				.query((rs, n) -> new PartnerProfile(rs.getLong("member_id"), rs.getBoolean("looking"),
						rs.getInt("check_in_hour"), wishes(rs.getString("wishes")), rs.getString("intro"),
						rs.getBoolean("sos_helper"),
						rs.getString("waiting_reason") == null ? null : Waiting.valueOf(rs.getString("waiting_reason")),
						Utc.read(rs, "matched_at")))
				.optional();
	}

	@Transactional
	public void save(long memberId, Draft draft) {
		String wishes = draft.wishes().stream().map(Wish::name).sorted().collect(Collectors.joining(","));
		var now = Utc.of(clock.instant());
		int updated = jdbc.sql("""
				update partner_profile set looking = ?, check_in_hour = ?, wishes = ?, intro = ?, sos_helper = ?,
				       waiting_reason = case when ? then waiting_reason else null end, updated_at = ?
				where member_id = ?""")
				.params(draft.looking(), draft.checkInHour(), wishes, draft.intro(), draft.sosHelper(), draft.looking(),
						now, memberId)
				.update();
		if (updated == 0) {
			try {
				jdbc.sql("""
						insert into partner_profile (member_id, looking, check_in_hour, wishes, intro, sos_helper, updated_at)
						values (?, ?, ?, ?, ?, ?, ?)""")
						.params(memberId, draft.looking(), draft.checkInHour(), wishes, draft.intro(), draft.sosHelper(), now)
						.update();
			}
			catch (DataIntegrityViolationException e) {
				save(memberId, draft);
			}
		}
		current.profileSaved(memberId);
	}

	/** Stops looking (a member who let a proposal lapse seems away; they can opt in again). */
	@Transactional
	public void stopLooking(long memberId) {
		jdbc.sql("update partner_profile set looking = false where member_id = ?").param(memberId).update();
	}

	static Set<Wish> wishes(String stored) {
		EnumSet<Wish> set = EnumSet.noneOf(Wish.class);
		if (stored != null && !stored.isBlank()) {
			Arrays.stream(stored.split(",")).map(String::trim).forEach(name -> set.add(Wish.valueOf(name)));
		}
		return set;
	}
}
