package org.steadfast.moderation.internal;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.steadfast.common.Refusal;
import org.steadfast.common.Utc;
import org.steadfast.forum.PostGuard;
import org.steadfast.moderation.ModerationProperties;
import org.steadfast.moderation.WatchedWords;
import org.steadfast.moderation.matching.CrisisDetector;
import org.steadfast.moderation.matching.PersonalInfoDetector;
import org.steadfast.moderation.matching.WatchedWord;

/**
 * Every write passes here: sanctions stop it; watched words block, hold, flag or replace;
 * contact details are held for a moderator (this community never identifies an ex); crisis
 * wording is never blocked but queued first and answered with help at once.
 */
@Component
class ModerationGuard implements PostGuard {

	private final WatchedWords watchedWords;
	private final ModerationProperties properties;
	private final JdbcClient jdbc;
	private final PersonalInfoDetector personalInfo = new PersonalInfoDetector();
	private final CrisisDetector crisis;

	private final Clock clock;

	ModerationGuard(WatchedWords watchedWords, ModerationProperties properties, JdbcClient jdbc, Clock clock) {
		this.clock = clock;
		this.watchedWords = watchedWords;
		this.properties = properties;
		this.jdbc = jdbc;
		var phrases = new ArrayList<>(CrisisDetector.defaultPhrases());
		phrases.addAll(properties.getCrisisPhrases());
		this.crisis = new CrisisDetector(phrases);
	}

	@Override
	public void checkCanWrite(long memberId) {
		var now = Utc.of(clock.instant());
		jdbc.sql("""
				select kind from sanction where member_id = ? and kind <> 'WARN' and lifted_at is null
				and starts_at <= ? and (ends_at is null or ends_at > ?) order by id desc limit 1""")
				.params(memberId, now, now).query(String.class).optional().ifPresent(kind -> {
			throw Refusal.forbidden("sanction." + kind.toLowerCase(Locale.ROOT));
		});
	}

	@Override
	public Screening screen(long authorId, String title, String body) {
		String text = (title == null ? "" : title + "\n") + body;
		Set<String> reasons = new TreeSet<>();
		boolean hold = false;
		var matcher = watchedWords.matcher();
		var matches = matcher.find(text);
		var strongest = matcher.strongest(matches);
		String stored = body;
		if (strongest.isPresent()) {
			switch (strongest.get()) {
				case BLOCK -> throw Refusal.invalid("body", "watched.blocked");
				case REQUIRE_APPROVAL -> {
					hold = true;
					reasons.add("watched");
				}
				case FLAG -> reasons.add("watched");
				case REPLACE -> {
				}
			}
			if (matches.stream().anyMatch(m -> m.word().action() == WatchedWord.Action.REPLACE)) {
				stored = matcher.replaceAll(body);
			}
		}
		if (!personalInfo.find(text).isEmpty()) {
			hold = true;
			reasons.add("personal-info");
		}
		if (properties.getApproveFirstPosts() > 0) {
			long visible = jdbc.sql("select count(*) from post where author_id = ? and status = 'VISIBLE'").param(authorId)
					.query(Long.class).single();
			if (visible < properties.getApproveFirstPosts()) {
				hold = true;
				reasons.add("approval");
			}
		}
		boolean isCrisis = crisis.matches(text);
		if (isCrisis) {
			reasons.add("crisis");
		}
		return new Screening(stored, hold, reasons, isCrisis);
	}
}
