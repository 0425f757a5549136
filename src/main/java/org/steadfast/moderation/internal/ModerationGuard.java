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
import org.steadfast.moderation.ExNames;
import org.steadfast.moderation.ModerationProperties;
import org.steadfast.moderation.WatchedWords;
import org.steadfast.moderation.matching.CrisisDetector;
import org.steadfast.moderation.matching.ExNameText;
import org.steadfast.moderation.matching.PersonalInfoDetector;
import org.steadfast.moderation.matching.WatchedWord;

/**
 * Every write passes here: sanctions stop it; watched words block, hold, flag or replace;
 * contact details are held for a moderator (this community never identifies an ex); crisis
 * wording is never blocked but queued first and answered with help at once.
 */
@Component
class ModerationGuard implements PostGuard {

	/** The hold reason for a name on someone's private list: which list stays unknown to everyone. */
	static final String EX_NAME = "ex-name";

	private final WatchedWords watchedWords;
	private final ExNames exNames;
	private final ModerationProperties properties;
	private final JdbcClient jdbc;
	private final PersonalInfoDetector personalInfo = new PersonalInfoDetector();
	private final CrisisDetector crisis;

	private final Clock clock;

	ModerationGuard(WatchedWords watchedWords, ExNames exNames, ModerationProperties properties, JdbcClient jdbc,
			Clock clock) {
		this.clock = clock;
		this.exNames = exNames;
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
		stored = screenExNames(authorId, title, stored, reasons);
		if (reasons.contains(EX_NAME)) {
			hold = true;
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

	/**
	 * A name on the author's own private list stops the post with a kind message (or, if they chose
	 * so, is replaced); a name on anyone else's list holds it for a moderator. The author is then told
	 * only that it waits, never that it matched a list: an ex could otherwise test whether someone
	 * listed them.
	 */
	private String screenExNames(long authorId, String title, String body, Set<String> reasons) {
		String prefix = title == null ? "" : title + "\n";
		String text = prefix + body;
		ExNames.Matches listed = exNames.find(text);
		if (!listed.any()) {
			return body;
		}
		String stored = body;
		if (listed.onListOf(authorId)) {
			var own = listed.hits().stream().filter(h -> h.owner() == authorId).toList();
			boolean inTitle = own.stream().anyMatch(h -> h.start() < prefix.length());
			if (inTitle) {
				throw Refusal.invalid("title", "exNames.ownInTitle");
			}
			if (!exNames.summary(authorId).replaceOwn()) {
				throw Refusal.invalid("body", "exNames.own");
			}
			stored = ExNameText.replace(text, own, ExNames.REPLACEMENT).substring(prefix.length());
		}
		if (listed.onListOfSomeoneBut(authorId)) {
			reasons.add(EX_NAME);
		}
		return stored;
	}
}
