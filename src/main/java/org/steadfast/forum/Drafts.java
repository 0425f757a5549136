package org.steadfast.forum;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.steadfast.common.PrivateWrite;
import org.steadfast.common.Refusal;
import org.steadfast.common.Utc;

/**
 * What a member was writing in a form, kept on the server until it is posted or discarded: one
 * draft per member and place (a reply box, the new-topic form, a plan form, a check-in note).
 * Nobody but the member reads it; {@link #forMember} and {@link #eraseAll} serve the account's
 * export and erasure.
 */
@Service
@PrivateWrite
public class Drafts {

	/** Where a draft belongs: which form, and of which topic or plan. */
	private static final Pattern PLACE = Pattern.compile("reply:\\d{1,18}|topic:new|plan:new|plan:\\d{1,18}|checkin:\\d{1,18}");

	public static final String NEW_TOPIC = "topic:new";

	public static final String NEW_PLAN = "plan:new";

	private final JdbcClient jdbc;
	private final ForumProperties properties;
	private final Clock clock;

	Drafts(JdbcClient jdbc, ForumProperties properties, Clock clock) {
		this.jdbc = jdbc;
		this.properties = properties;
		this.clock = clock;
	}

	/** One kept draft: its place, its fields by name, and when it was last saved. */
	public record Draft(String place, Map<String, String> fields, Instant updatedAt) {

		public String field(String name) {
			return fields.getOrDefault(name, "");
		}
	}

	public static String reply(long topicId) {
		return "reply:" + topicId;
	}

	public static String plan(long planId) {
		return "plan:" + planId;
	}

	public static String checkIn(long planId) {
		return "checkin:" + planId;
	}

	public static boolean isPlace(String place) {
		return place != null && PLACE.matcher(place).matches();
	}

	/**
	 * Keeps the fields as this member's draft for the place, replacing the one before (one upsert:
	 * saves at once still leave one row). Refused as invalid when the place is unknown or the
	 * fields are longer than a draft keeps. Fields left empty are not kept; all empty discards.
	 */
	@Transactional
	public void save(long memberId, String place, Map<String, String> fields) {
		if (!isPlace(place)) {
			throw Refusal.invalid("place", "draft.unknownPlace");
		}
		Map<String, String> kept = new LinkedHashMap<>();
		long length = 0;
		for (var field : fields.entrySet()) {
			String value = field.getValue() == null ? "" : field.getValue();
			length += value.length() + field.getKey().length();
			if (!value.isBlank()) {
				kept.put(field.getKey(), value);
			}
		}
		if (length > properties.getDraftMaxChars() || kept.size() > 20) {
			throw Refusal.invalid("body", "draft.tooLong");
		}
		if (kept.isEmpty()) {
			discard(memberId, place);
			return;
		}
		jdbc.sql("""
				insert into draft (member_id, place, form_fields, updated_at) values (?, ?, ?, ?)
				on duplicate key update form_fields = values(form_fields), updated_at = values(updated_at)""")
				.params(memberId, place, encode(kept), Utc.of(clock.instant()))
				.update();
	}

	/** True when these fields fit in a draft. */
	public boolean fits(Map<String, String> fields) {
		long length = 0;
		for (var field : fields.entrySet()) {
			length += field.getKey().length() + (field.getValue() == null ? 0 : field.getValue().length());
		}
		return length <= properties.getDraftMaxChars();
	}

	/** Saves as {@link #save} does, unless the fields are too long to keep (the form still shows them). */
	@Transactional
	public void keepIfFits(long memberId, String place, Map<String, String> fields) {
		if (fits(fields)) {
			save(memberId, place, fields);
		}
	}

	@Transactional(readOnly = true)
	public Optional<Draft> find(long memberId, String place) {
		return jdbc.sql("select place, form_fields, updated_at from draft where member_id = ? and place = ?")
				.params(memberId, place)
				.query((rs, n) -> new Draft(rs.getString("place"), decode(rs.getString("form_fields")), Utc.read(rs, "updated_at")))
				.optional();
	}

	/** Forgets the member's draft for this place (posted, or discarded). */
	@Transactional
	public void discard(long memberId, String place) {
		jdbc.sql("delete from draft where member_id = ? and place = ?").params(memberId, place).update();
	}

	/** Every draft the member has, newest first: for the account's data export. */
	@Transactional(readOnly = true)
	public List<Draft> forMember(long memberId) {
		return jdbc.sql("select place, form_fields, updated_at from draft where member_id = ? order by updated_at desc, id desc")
				.param(memberId)
				.query((rs, n) -> new Draft(rs.getString("place"), decode(rs.getString("form_fields")), Utc.read(rs, "updated_at")))
				.list();
	}

	/** Forgets every draft of the member: for the account's erasure. How many there were. */
	@Transactional
	public int eraseAll(long memberId) {
		return jdbc.sql("delete from draft where member_id = ?").param(memberId).update();
	}

	/** The fields as one form-encoded string, the way a browser sends them. */
	static String encode(Map<String, String> fields) {
		StringBuilder out = new StringBuilder();
		fields.forEach((name, value) -> {
			if (!out.isEmpty()) {
				out.append('&');
			}
			out.append(URLEncoder.encode(name, StandardCharsets.UTF_8)).append('=')
					.append(URLEncoder.encode(value, StandardCharsets.UTF_8));
		});
		return out.toString();
	}

	static Map<String, String> decode(String encoded) {
		Map<String, String> fields = new LinkedHashMap<>();
		if (encoded == null || encoded.isEmpty()) {
			return fields;
		}
		for (String pair : encoded.split("&")) {
			int eq = pair.indexOf('=');
			String name = eq < 0 ? pair : pair.substring(0, eq);
			String value = eq < 0 ? "" : pair.substring(eq + 1);
			fields.put(URLDecoder.decode(name, StandardCharsets.UTF_8), URLDecoder.decode(value, StandardCharsets.UTF_8));
		}
		return fields;
	}
}
