package org.steadfast.moderation;

import java.time.Clock;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.steadfast.common.Utc;
import org.steadfast.moderation.matching.WatchedWord;
import org.steadfast.moderation.matching.WatchedWordMatcher;
import org.steadfast.text.PlainText;
import org.steadfast.common.Refusal;

/**
 * The administrators' list of watched words and the matcher built from it. The matcher is
 * rebuilt when the list changes here; another node sees a change within a minute.
 */
@Service
public class WatchedWords {

	private static final long RELOAD_MILLIS = 60_000;

	private final JdbcClient jdbc;
	private final AuditLog audit;
	private final Clock clock;
	private final AtomicReference<Loaded> loaded = new AtomicReference<>();

	private record Loaded(WatchedWordMatcher matcher, List<WatchedWord> words, long at) {
	}

	WatchedWords(JdbcClient jdbc, AuditLog audit, Clock clock) {
		this.jdbc = jdbc;
		this.audit = audit;
		this.clock = clock;
	}

	public WatchedWordMatcher matcher() {
		return current().matcher();
	}

	public List<WatchedWord> list() {
		return current().words();
	}

	private Loaded current() {
		Loaded l = loaded.get();
		if (l == null || clock.millis() - l.at() > RELOAD_MILLIS) {
			l = reload();
		}
		return l;
	}

	private Loaded reload() {
		List<WatchedWord> words = jdbc.sql("select id, phrase, action, replacement from watched_word order by phrase")
				.query((rs, n) -> new WatchedWord(rs.getLong(1), rs.getString(2),
						WatchedWord.Action.valueOf(rs.getString(3)), rs.getString(4)))
				.list();
		Loaded l = new Loaded(new WatchedWordMatcher(words), words, clock.millis());
		loaded.set(l);
		return l;
	}

	@Transactional
	public void add(long adminId, String phrase, WatchedWord.Action action, String replacement) {
		String p = PlainText.normalize(phrase);
		String r = PlainText.normalize(replacement);
		if (p.isEmpty() || PlainText.length(p) > 100 || PlainText.hasForbiddenCharacters(p) || PlainText.hasLineBreaks(p)) {
			throw new Refusal(Refusal.Reason.INVALID, "watched.phraseInvalid");
		}
		if (action == WatchedWord.Action.REPLACE && (r.isEmpty() || PlainText.length(r) > 100)) {
			throw new Refusal(Refusal.Reason.INVALID, "watched.replacementRequired");
		}
		try {
			jdbc.sql("insert into watched_word (phrase, action, replacement, created_at) values (?, ?, ?, ?)")
					.params(p, action.name(), r, Utc.of(clock.instant())).update();
		}
		catch (DuplicateKeyException e) {
			throw new Refusal(Refusal.Reason.INVALID, "watched.duplicate");
		}
		long id = jdbc.sql("select id from watched_word where phrase = ?").param(p).query(Long.class).single();
		audit.record(adminId, "watched.add", "WORD", id, null, null, p + " → " + action);
		loaded.set(null);
	}

	@Transactional
	public void remove(long adminId, long id) {
		String phrase = jdbc.sql("select phrase from watched_word where id = ?").param(id).query(String.class).optional()
				.orElseThrow(() -> new Refusal(Refusal.Reason.NOT_FOUND, "error.404.title"));
		jdbc.sql("delete from watched_word where id = ?").param(id).update();
		audit.record(adminId, "watched.remove", "WORD", id, null, phrase, null);
		loaded.set(null);
	}
}
