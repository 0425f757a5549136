package org.steadfast.moderation;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.steadfast.common.Batches;
import org.steadfast.common.Refusal;
import org.steadfast.common.Utc;
import org.steadfast.forum.RetriedWhenBusy;
import org.steadfast.moderation.matching.ExNameText;
import org.steadfast.moderation.matching.ExNameText.Hit;
import org.steadfast.moderation.matching.ExNameText.Stored;
import org.steadfast.ops.Secrets;

/**
 * Each member's private list of the names, nicknames, handles and numbers of someone they fear,
 * so that Steadfast never publishes them. Only keyed fingerprints are stored (HMAC-SHA256 with an
 * application secret that lives outside the rows): whoever reads the table, staff included, sees
 * that a list exists and its length, never a name. The member cannot read it back either; they
 * remove an entry by typing it again.
 */
@Service
public class ExNames {

	/** Longest list: enough for every spelling, nickname and handle of one person, and then some. */
	public static final int MAX_ENTRIES = 20;

	/** What a listed name becomes in the member's own post when they ask for it to be replaced. */
	public static final String REPLACEMENT = "[name removed]";

	private static final int LOOKUP_BATCH = 500;

	private final JdbcClient jdbc;
	private final Clock clock;
	private final byte[] secret;
	private final ThreadLocal<Mac> macs;

	ExNames(JdbcClient jdbc, Clock clock, Secrets secrets) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.secret = secrets.get("ex-names", null).getBytes(StandardCharsets.UTF_8);
		this.macs = ThreadLocal.withInitial(this::newMac);
	}

	/** A member's list as they and staff may see it: its length and the choice for their own posts. */
	public record Summary(int entries, boolean replaceOwn) {
	}

	public Summary summary(long memberId) {
		return jdbc.sql("select entries, replace_own from ex_name_list where member_id = ?").param(memberId)
				.query((rs, n) -> new Summary(rs.getInt(1), rs.getBoolean(2))).optional().orElse(new Summary(0, false));
	}

	/**
	 * Adds an entry, refused with a message on the {@code name} field when it cannot be one, is
	 * already listed, or the list is full. The list row is locked first, so the limit holds for
	 * additions that arrive together.
	 */
	@RetriedWhenBusy
	@Transactional
	public void add(long memberId, String typed) {
		ExNameText.Result result = ExNameText.entry(typed);
		if (result.problem() != null) {
			throw Refusal.invalid("name", result.problem().messageKey());
		}
		ExNameText.Entry entry = result.entry();
		var now = Utc.of(clock.instant());
		jdbc.sql("""
				insert into ex_name_list (member_id, entries, replace_own, created_at) values (?, 0, false, ?)
				on duplicate key update member_id = member_id""").params(memberId, now).update();
		int room = jdbc.sql("update ex_name_list set entries = entries + 1 where member_id = ? and entries < ?")
				.params(memberId, MAX_ENTRIES).update();
		if (room == 0) {
			throw Refusal.invalid("name", "exNames.full");
		}
		try {
			jdbc.sql("""
					insert into ex_name_entry (member_id, first_word_key, entry_key, word_count, created_at)
					values (?, ?, ?, ?, ?)""")
					.params(memberId, key(entry.first()), key(entry.phrase()), entry.words().size(), now).update();
		}
		catch (DuplicateKeyException e) {
			// The count above rolls back with the refusal.
			throw Refusal.invalid("name", "exNames.already");
		}
	}

	/** Removes the entry typed again; whether it was on the list. */
	@RetriedWhenBusy
	@Transactional
	public boolean remove(long memberId, String typed) {
		var entry = ExNameText.entry(typed).value();
		if (entry.isEmpty()) {
			return false;
		}
		int removed = jdbc.sql("delete from ex_name_entry where member_id = ? and entry_key = ?")
				.params(memberId, key(entry.get().phrase())).update();
		if (removed > 0) {
			jdbc.sql("update ex_name_list set entries = entries - ? where member_id = ?").params(removed, memberId).update();
		}
		return removed > 0;
	}

	/** Empties the list and forgets the member's choice: nothing of it is left. */
	@Transactional
	public void clear(long memberId) {
		jdbc.sql("delete from ex_name_entry where member_id = ?").param(memberId).update();
		jdbc.sql("delete from ex_name_list where member_id = ?").param(memberId).update();
	}

	/** Whether a listed name in the member's own post is replaced by {@link #REPLACEMENT} instead of stopping it. */
	@Transactional
	public void replaceOwn(long memberId, boolean replace) {
		jdbc.sql("""
				insert into ex_name_list (member_id, entries, replace_own, created_at) values (?, 0, ?, ?)
				on duplicate key update replace_own = ?""")
				.params(memberId, replace, Utc.of(clock.instant()), replace).update();
	}

	/** Where any member's listed entries stand in this text: one statement per 500 distinct words, none for an empty text. */
	public Matches find(String text) {
		ExNameText.Candidates candidates = ExNameText.of(text);
		if (candidates.isEmpty()) {
			return new Matches(List.of());
		}
		UnaryOperator<String> key = this::key;
		return new Matches(candidates.hits(lookUp(candidates.lookupKeys(key)), key));
	}

	/**
	 * The listed words as they stand in each text, for the moderators who review held posts: what
	 * matched, never whose list it is on. One lookup for all the texts together.
	 */
	public Map<Long, List<String>> listedWordsIn(Map<Long, String> textById) {
		Map<Long, ExNameText.Candidates> candidates = new LinkedHashMap<>();
		textById.forEach((id, text) -> candidates.put(id, ExNameText.of(text)));
		UnaryOperator<String> key = this::key;
		Set<String> keys = new LinkedHashSet<>();
		candidates.values().forEach(c -> keys.addAll(c.lookupKeys(key)));
		List<Stored> stored = lookUp(keys);
		Map<Long, List<String>> words = new LinkedHashMap<>();
		candidates.forEach((id, c) -> {
			String text = textById.get(id);
			List<String> found = c.hits(stored, key).stream().map(h -> text.substring(h.start(), h.end())).distinct()
					.toList();
			if (!found.isEmpty()) {
				words.put(id, found);
			}
		});
		return words;
	}

	private List<Stored> lookUp(Set<String> keys) {
		List<Stored> stored = new ArrayList<>();
		for (List<String> batch : Batches.of(keys, LOOKUP_BATCH)) {
			stored.addAll(jdbc.sql("""
					select member_id, first_word_key, entry_key, word_count from ex_name_entry
					where first_word_key in (:keys)""").param("keys", batch)
					.query((rs, n) -> new Stored(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getInt(4))).list());
		}
		return stored;
	}

	/** The places listed entries stand in a text, each with whose list it is on. */
	public record Matches(List<Hit> hits) {

		public boolean any() {
			return !hits.isEmpty();
		}

		public boolean onListOf(long memberId) {
			return hits.stream().anyMatch(h -> h.owner() == memberId);
		}

		public boolean onListOfSomeoneBut(long memberId) {
			return hits.stream().anyMatch(h -> h.owner() != memberId);
		}

		/** The text with the given member's own entries replaced. */
		public String replacingOwn(String text, long memberId) {
			return ExNameText.replace(text, hits.stream().filter(h -> h.owner() == memberId).toList(), REPLACEMENT);
		}

	}

	private String key(String words) {
		byte[] mac = macs.get().doFinal(words.getBytes(StandardCharsets.UTF_8));
		return Base64.getUrlEncoder().withoutPadding().encodeToString(mac);
	}

	private Mac newMac() {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(secret, "HmacSHA256"));
			return mac;
		}
		catch (GeneralSecurityException e) {
			throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
		}
	}
}
