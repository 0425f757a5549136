package org.steadfast.accounts;

import java.io.IOException;
import java.io.OutputStream;
import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.zip.ZipOutputStream;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.steadfast.common.PrivateWrite;
import org.steadfast.common.Refusal;
import org.steadfast.common.Utc;
import org.steadfast.ops.EventRecords;

/**
 * A member takes their data with them, or leaves: every module's {@link PersonalData} is asked in
 * turn, then the member row goes. Whoever holds the member's device must know the password for
 * either.
 */
@Service
public class AccountData {

	/** What the member sees in their list of requests. */
	public enum RequestKind {
		EXPORT, EXPORT_REFUSED, DELETE_REFUSED
	}

	public record Request(RequestKind kind, Instant at) {
	}

	/** How an export went: rows written, statements that read them, the largest batch held at once. */
	public record ExportStats(long rows, long batches, int largestBatch) {
	}

	private final List<PersonalData> parts;
	private final MemberRepository members;
	private final PasswordEncoder passwords;
	private final JdbcClient jdbc;
	private final Clock clock;
	private final SignedInSessions sessions;
	private final NameHolds holds;
	private final AccountDataProperties properties;
	private final EventRecords eventRecords;

	AccountData(List<PersonalData> parts, MemberRepository members, PasswordEncoder passwords, JdbcClient jdbc,
			Clock clock, SignedInSessions sessions, NameHolds holds, AccountDataProperties properties,
			EventRecords eventRecords) {
		this.parts = parts.stream().sorted(Comparator.comparingInt(PersonalData::order)).toList();
		this.members = members;
		this.passwords = passwords;
		this.jdbc = jdbc;
		this.clock = clock;
		this.sessions = sessions;
		this.holds = holds;
		this.properties = properties;
		this.eventRecords = eventRecords;
	}

	/** Whether the password is the member's; a wrong one is recorded for the member to see. */
	@Transactional
	@PrivateWrite
	public boolean confirm(long memberId, String password, RequestKind refusal) {
		Member member = members.findById(memberId).orElseThrow(Refusal::notFound);
		if (password != null && !password.isEmpty() && passwords.matches(password, member.getPasswordHash())) {
			return true;
		}
		record(memberId, refusal);
		return false;
	}

	/** Notes that an export was started. */
	@Transactional
	@PrivateWrite
	public void exportStarted(long memberId) {
		record(memberId, RequestKind.EXPORT);
	}

	private void record(long memberId, RequestKind kind) {
		jdbc.sql("insert into account_data_request (member_id, kind, requested_at) values (?, ?, ?)")
				.params(memberId, kind.name(), Utc.of(clock.instant())).update();
	}

	@Transactional(readOnly = true)
	public List<Request> requests(long memberId) {
		return jdbc.sql("select kind, requested_at from account_data_request where member_id = ? "
				+ "order by requested_at desc, id desc limit 50")
				.param(memberId)
				.query((rs, n) -> new Request(RequestKind.valueOf(rs.getString(1)),
						Utc.instant(rs.getObject(2, java.time.LocalDateTime.class))))
				.list();
	}

	/**
	 * Writes the member's data as a zip to {@code out}: a JSON file per kind, then one HTML page of
	 * it all. Every module is read twice (once per form) rather than holding anything in memory.
	 */
	@Transactional(readOnly = true)
	public ExportStats export(long memberId, OutputStream out) throws IOException {
		members.findById(memberId).orElseThrow(Refusal::notFound);
		var stats = new ZipExport.Stats();
		try (var zip = new ZipOutputStream(out)) {
			var json = new ZipExport.Json(zip, properties.getExportBatch(), stats);
			for (PersonalData part : parts) {
				part.export(memberId, json);
			}
			var html = new ZipExport.Html(zip, properties.getExportBatch(), "Your data");
			for (PersonalData part : parts) {
				part.export(memberId, html);
			}
			html.finish(zip);
		}
		return new ExportStats(stats.rows, stats.batches, stats.largestBatch);
	}

	/**
	 * Erases the member: every module's part in order, then their own account rows; their username
	 * and address are held for a while; every session and remembered device ends. Leaves one record
	 * that names nobody: when, which choice, and the staff member who acted on request, if one did.
	 */
	@Transactional
	public void erase(long memberId, PersonalData.Erasure mode, Long staffId) {
		Member member = members.findById(memberId).orElseThrow(Refusal::notFound);
		long former = formerMemberId();
		if (member.getId() == former) {
			throw Refusal.forbidden("data.delete.notThisOne");
		}
		sessions.endAllFor(memberId);
		var leaving = new PersonalData.Leaving(memberId, member.getUsername(), member.getEmail(), former, mode);
		for (PersonalData part : parts) {
			part.erase(leaving);
		}
		Instant until = clock.instant().plus(properties.getHold());
		holds.hold(member.getUsername(), until);
		holds.hold(member.getEmail(), until);
		eventRecords.forgetCompletedMentioning(member.getUsername());
		eventRecords.forgetCompletedMentioning(member.getEmail());
		jdbc.sql("insert into erasure_record (erased_at, mode, staff_id) values (?, ?, ?)")
				.params(Utc.of(clock.instant()), mode.name(), staffId).update();
		members.delete(member);
		members.flush();
	}

	/** The neutral author that public posts kept by leaving members are shown under. */
	long formerMemberId() {
		return jdbc.sql("select id from member where username_key = 'former member'").query(Long.class).single();
	}
}
