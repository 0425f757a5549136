package org.steadfast;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Each module reads and writes only its own tables (docs/tables.md): every table created by a
 * migration has one owner below, and the SQL in a module's string literals and text blocks names
 * no other module's table unless an allowance below, with its reason, says so. An allowance no
 * longer needed fails too, so that the list stays honest.
 */
class TableOwnershipTests {

	private static final Path MIGRATIONS = Path.of("src/main/resources/db/migration");

	private static final Path SOURCES = Path.of("src/main/java/org/steadfast");

	/** Every table, by its owning module. */
	static final Map<String, String> OWNERS = owners(Map.of(
			"accounts", List.of("member", "persistent_logins", "member_block", "account_token", "account_data_request",
					"name_hold", "erasure_record"),
			"forum", List.of("category", "topic", "post", "post_revision", "tag", "topic_tag", "reaction", "topic_read",
					"used_form_token", "posting_claim", "topic_follow", "draft"),
			"plans", List.of("plan", "plan_key_date", "plan_slip", "plan_contact", "check_in", "plan_milestone"),
			"moderation", List.of("flag", "review_item", "watched_word", "sanction", "member_note", "audit_log", "ex_name_list",
					"ex_name_entry"),
			"partners", List.of("partner_profile", "partner_proposal", "partner_busy", "partnership", "partner_message",
					"partner_nudge", "partner_sos"),
			"notifications", List.of("notification", "notification_preference", "mail_setting", "mail_outbox",
					"digest_sent"),
			"search", List.of("search_index_state", "hsearch_outbox_event", "hsearch_agent"),
			"ops", List.of("shedlock", "job_run", "app_secret", "spring_session", "spring_session_attributes",
					// Spring Modulith's event publication registry: written by the framework for every module.
					"event_publication", "event_publication_archive"),
			// Sign-in throttling is part of the security configuration (DatabaseLoginThrottle).
			"web", List.of("login_failure")));

	/**
	 * Code that is not part of the application: the benchmark's data generator writes every table
	 * by design and leaves the production jar.
	 */
	static final Set<String> NOT_SCANNED = Set.of("bench");

	/**
	 * A module that may name another module's table in its SQL, and why. With {@code columns}, only
	 * reads of those columns (named through the table or its alias; {@code id} always) are allowed,
	 * never writes; without, any use.
	 */
	record Allowance(String module, String table, Set<String> columns, String reason) {

		Allowance(String module, String table, String reason) {
			this(module, table, null, reason);
		}

		boolean covers(Reference reference) {
			return module.equals(reference.module()) && (table.equals("*") || table.equals(reference.table()))
					&& (columns == null || !reference.write() && reference.columns().stream()
							.allMatch(c -> c.equals("id") || columns.contains(c)));
		}
	}

	static final String PUBLIC_NAME = "a member's public name is read with what they wrote; a separate lookup would cost "
			+ "a statement per page";

	static final String PLAN_IS_A_TOPIC = "a plan is a topic and a check-in is a post (DESIGN.md, \"One idea that keeps "
			+ "it small\")";

	static final String REVIEWS_POSTS = "moderators review what members wrote: the queue, a member's record, a report "
			+ "and the approve-first-posts rule read posts (and their topics) with the review item or flag that points at "
			+ "them; a forum lookup would cost a statement per page";

	static final String INDEXES_POSTS = "the search index is built from the forum's topics and posts; checking that it "
			+ "is complete counts the rows it holds documents for";

	static final String DEMO = "the demo seeding writes the demo community's rows in every module";

	static final Set<String> NAMES = Set.of("username", "display_name");

	static final List<Allowance> ALLOWED = List.of(
			new Allowance("demo", "*", DEMO),
			new Allowance("moderation", "member", Set.of("username", "username_key"), PUBLIC_NAME),
			new Allowance("moderation", "post", REVIEWS_POSTS),
			new Allowance("moderation", "topic", REVIEWS_POSTS),
			new Allowance("partners", "member", NAMES, PUBLIC_NAME),
			new Allowance("plans", "member", Set.of("username", "display_name", "time_zone"), PUBLIC_NAME
					+ "; a plan's days are counted in its owner's time zone, read with the plan for the same reason"),
			new Allowance("plans", "topic", PLAN_IS_A_TOPIC),
			new Allowance("plans", "post", PLAN_IS_A_TOPIC),
			new Allowance("search", "topic", INDEXES_POSTS),
			new Allowance("search", "post", INDEXES_POSTS),
			new Allowance("forum", "member", Set.of("username", "username_key", "display_name", "role"), PUBLIC_NAME
					+ "; a post shows its author's staff badge (the role) the same way"),
			new Allowance("notifications", "member", NAMES, PUBLIC_NAME));

	/** Columns of {@code member} that no SQL outside accounts names (public name, zone and role are fine). */
	static final Set<String> PRIVATE_MEMBER_COLUMNS = Set.of("email", "email_key", "password_hash", "email_verified");

	/** Modules that still read the private columns above, and why. */
	static final List<Allowance> PRIVATE_COLUMNS_ALLOWED = List.of(
			new Allowance("demo", "member", DEMO));

	@Test
	void everyCreatedTableHasOneOwnerAndEveryOwnedTableIsCreated() {
		Set<String> created = createdTables().keySet();
		assertThat(new TreeSet<>(created)).as("tables created by a migration but missing from OWNERS")
				.isSubsetOf(OWNERS.keySet());
		assertThat(new TreeSet<>(OWNERS.keySet())).as("tables in OWNERS that no migration creates").isSubsetOf(created);
	}

	@Test
	void noModuleNamesAnotherModulesTableUnlessAllowed() {
		Set<String> crossings = new LinkedHashSet<>();
		for (Reference reference : references()) {
			if (!reference.crosses() || allowance(reference) != null) {
				continue;
			}
			crossings.add(reference.toString());
		}
		assertThat(crossings).as("SQL naming another module's table (use the owner's read API, or allow it with a reason)")
				.isEmpty();
	}

	@Test
	void everyAllowanceIsStillNeeded() {
		Set<Allowance> used = new LinkedHashSet<>();
		for (Reference reference : references()) {
			if (reference.crosses()) {
				Allowance allowance = allowance(reference);
				if (allowance != null) {
					used.add(allowance);
				}
			}
		}
		assertThat(ALLOWED).as("allowances no SQL needs any more: remove them").containsExactlyInAnyOrderElementsOf(used);
		assertThat(ALLOWED).extracting(Allowance::table).as("allowances for tables nobody owns")
				.allMatch(table -> table.equals("*") || OWNERS.containsKey(table));
	}

	@Test
	void privateMemberColumnsAreNamedOnlyInAccounts() {
		List<String> found = new ArrayList<>();
		Set<String> modulesStillAllowed = new TreeSet<>();
		forEachSqlLiteral((module, file, sql) -> {
			if (module.equals("accounts") || !tables(sql).contains("member")) {
				return;
			}
			Set<String> named = words(sql);
			named.retainAll(PRIVATE_MEMBER_COLUMNS);
			if (named.isEmpty()) {
				return;
			}
			if (PRIVATE_COLUMNS_ALLOWED.stream().anyMatch(a -> a.module().equals(module))) {
				modulesStillAllowed.add(module);
			}
			else {
				found.add(module + " " + file + " " + named);
			}
		});
		assertThat(found).as("SQL outside accounts naming a member's email or password").isEmpty();
		assertThat(PRIVATE_COLUMNS_ALLOWED).extracting(Allowance::module).as("private-column allowances no longer needed")
				.containsExactlyInAnyOrderElementsOf(modulesStillAllowed);
	}

	// The scanner's own checks.

	@Test
	void scannerFindsTablesInStatementsAndFragments() {
		assertThat(tables("select p.id, m.username from post p join member m on m.id = p.author_id"))
				.containsExactlyInAnyOrder("post", "member");
		assertThat(tables("""
				update partner_profile set looking = false
				where not exists (select 1 from member_block b where b.blocker_id = ?)"""))
				.containsExactlyInAnyOrder("partner_profile", "member_block");
		assertThat(tables("delete from login_failure where failed_at < ?")).containsExactly("login_failure");
		assertThat(tables("insert into audit_log (actor_id) values (?)")).containsExactly("audit_log");
		assertThat(tables("where s.status = 'OPEN' and not exists (select 1 from member_block b where b.x = s.y)"))
				.containsExactly("member_block");
		assertThat(tables("select a.x from plan a, check_in c where c.plan_id = a.id")).containsExactlyInAnyOrder("plan",
				"check_in");
		assertThat(tables("select count(*) from SPRING_SESSION where expiry_time < ?")).containsExactly("spring_session");
	}

	@Test
	void scannerIgnoresProseAndEntityNames() {
		assertThat(tables("A message from member support, sent to your partner")).isEmpty();
		assertThat(tables("Could not update topic 42: it was deleted from the forum")).isEmpty();
		// JPQL names entities, not tables.
		assertThat(tables("select t from Topic t join t.posts p where p.id = :id")).isEmpty();
	}

	@Test
	void scannerReadsLiteralsAndTextBlocksButNotComments() {
		String source = """
				class X {
					// select * from member
					/* delete from post */
					char quote = '"';
					String a = "select id from topic where title = \\"x\\"";
					String b = \"""
							select id from flag
							where note = ''\""";
				}
				""";
		List<String> literals = literals(source);
		assertThat(literals).hasSize(2);
		assertThat(literals.stream().flatMap(l -> tables(l).stream())).containsExactly("topic", "flag");
	}

	@Test
	void aCrossingIsCaughtAndAnOwnTableIsNot() {
		assertThat(new Reference("partners", "P.java", "member_block").crosses()).isTrue();
		assertThat(new Reference("accounts", "B.java", "member_block").crosses()).isFalse();
		assertThat(allowance(new Reference("partners", "P.java", "member_block"))).isNull();
	}

	@Test
	void aPublicNameAllowanceCoversReadingNamesOnly() {
		String names = "select pm.body, m.display_name from partner_message pm join member m on m.id = pm.from_id";
		String zone = "select pp.member_id, m.time_zone from partner_profile pp join member m on m.id = pp.member_id";
		String write = "update member set display_name = ? where id = ?";
		assertThat(columnsRead(names, "member")).containsExactlyInAnyOrder("display_name", "id");
		assertThat(allowance(reference("partners", names, "member"))).isNotNull();
		assertThat(allowance(reference("partners", zone, "member"))).isNull();
		assertThat(allowance(reference("partners", write, "member"))).isNull();
	}

	private static Reference reference(String module, String sql, String table) {
		return new Reference(module, "X.java", table, writes(sql, table), columnsRead(sql, table));
	}

	// The scanner.

	/** One table named in a module's SQL. */
	record Reference(String module, String file, String table, boolean write, Set<String> columns) {

		Reference(String module, String file, String table) {
			this(module, file, table, false, Set.of());
		}

		boolean crosses() {
			String owner = OWNERS.get(table);
			return owner != null && !owner.equals(module);
		}

		@Override
		public String toString() {
			return module + " " + file + " -> " + table + " (" + OWNERS.get(table) + ")";
		}
	}

	private static Allowance allowance(Reference reference) {
		return ALLOWED.stream().filter(a -> a.covers(reference)).findFirst().orElse(null);
	}

	private static Map<String, String> owners(Map<String, List<String>> byModule) {
		Map<String, String> owners = new TreeMap<>();
		byModule.forEach((module, tables) -> tables.forEach(table -> {
			String previous = owners.put(table, module);
			if (previous != null) {
				throw new IllegalStateException(table + " has two owners: " + previous + " and " + module);
			}
		}));
		return owners;
	}

	private static final Pattern CREATE_TABLE = Pattern
			.compile("(?i)\\bcreate\\s+table\\s+(?:if\\s+not\\s+exists\\s+)?`?([A-Za-z_]\\w*)`?");

	/** Table name, lower case, to the migration that creates it. */
	static Map<String, String> createdTables() {
		Map<String, String> created = new TreeMap<>();
		try (Stream<Path> files = Files.list(MIGRATIONS)) {
			for (Path file : files.filter(f -> f.toString().endsWith(".sql")).sorted().toList()) {
				Matcher matcher = CREATE_TABLE.matcher(withoutSqlComments(Files.readString(file)));
				while (matcher.find()) {
					created.put(matcher.group(1).toLowerCase(Locale.ROOT), file.getFileName().toString());
				}
			}
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		return created;
	}

	private static String withoutSqlComments(String sql) {
		return sql.replaceAll("--[^\\n]*", "").replaceAll("(?s)/\\*.*?\\*/", "");
	}

	interface SqlLiteralVisitor {
		void visit(String module, String file, String sql);
	}

	/** Every table named in the SQL of every scanned module. */
	static List<Reference> references() {
		List<Reference> references = new ArrayList<>();
		forEachSqlLiteral((module, file, sql) -> tables(sql).forEach(table -> references
				.add(new Reference(module, file, table, writes(sql, table), columnsRead(sql, table)))));
		return references;
	}

	static void forEachSqlLiteral(SqlLiteralVisitor visitor) {
		try (Stream<Path> files = Files.walk(SOURCES)) {
			for (Path file : files.filter(f -> f.toString().endsWith(".java")).sorted().toList()) {
				Path relative = SOURCES.relativize(file);
				if (relative.getNameCount() < 2 || NOT_SCANNED.contains(relative.getName(0).toString())) {
					continue;
				}
				String module = relative.getName(0).toString();
				String name = relative.toString().replace('\\', '/');
				for (String literal : literals(Files.readString(file))) {
					visitor.visit(module, name, literal);
				}
			}
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	/** The contents of a Java source's string literals and text blocks, comments and chars skipped. */
	static List<String> literals(String source) {
		List<String> literals = new ArrayList<>();
		int i = 0;
		int n = source.length();
		while (i < n) {
			char c = source.charAt(i);
			if (source.startsWith("//", i)) {
				int end = source.indexOf('\n', i);
				i = end < 0 ? n : end + 1;
			}
			else if (source.startsWith("/*", i)) {
				int end = source.indexOf("*/", i + 2);
				i = end < 0 ? n : end + 2;
			}
			else if (c == '\'') {
				i++;
				while (i < n && source.charAt(i) != '\'') {
					i += source.charAt(i) == '\\' ? 2 : 1;
				}
				i++;
			}
			else if (source.startsWith("\"\"\"", i)) {
				StringBuilder text = new StringBuilder();
				i += 3;
				while (i < n && !source.startsWith("\"\"\"", i)) {
					if (source.charAt(i) == '\\' && i + 1 < n) {
						text.append(source.charAt(i + 1));
						i += 2;
					}
					else {
						text.append(source.charAt(i++));
					}
				}
				i += 3;
				literals.add(text.toString());
			}
			else if (c == '"') {
				StringBuilder text = new StringBuilder();
				i++;
				while (i < n && source.charAt(i) != '"') {
					if (source.charAt(i) == '\\' && i + 1 < n) {
						text.append(source.charAt(i + 1));
						i += 2;
					}
					else {
						text.append(source.charAt(i++));
					}
				}
				i++;
				literals.add(text.toString());
			}
			else {
				i++;
			}
		}
		return literals;
	}

	/**
	 * What makes a literal SQL rather than prose: a statement's shape somewhere in it, or a
	 * fragment that starts with a clause.
	 */
	private static final Pattern SQL_SHAPE = Pattern.compile("(?is)\\bselect\\b.+?\\bfrom\\s|\\binsert\\s+into\\s"
			+ "|\\bupdate\\s+\\w+\\s+set\\s|\\bdelete\\s+from\\s|\\bmerge\\s+into\\s"
			+ "|^\\s*\\(?\\s*(?:from|join|left\\s+join|inner\\s+join|where|and|or|union|exists|not\\s+exists)\\b");

	private static final Pattern TABLE_AFTER = Pattern.compile("(?i)\\b(?:from|join|into|update)\\s+([A-Za-z_]\\w*)");

	/** Further tables of a comma list: {@code from a x, b y}. */
	private static final Pattern NEXT_IN_LIST = Pattern.compile("\\G(?:\\s+(?:as\\s+)?[A-Za-z_]\\w*)?\\s*,\\s*([A-Za-z_]\\w*)");

	private static final Set<String> NOT_ALIASES = Set.of("where", "on", "join", "left", "inner", "order", "group",
			"set", "values", "union", "limit");

	/** The owned tables a literal's SQL names, lower case; nothing for prose. */
	static Set<String> tables(String literal) {
		Set<String> tables = new LinkedHashSet<>();
		if (!SQL_SHAPE.matcher(literal).find()) {
			return tables;
		}
		Matcher matcher = TABLE_AFTER.matcher(literal);
		while (matcher.find()) {
			addTable(tables, matcher.group(1));
			Matcher next = NEXT_IN_LIST.matcher(literal);
			int from = matcher.end();
			while (next.find(from) && next.start() == from && !aliasIsKeyword(next.group())) {
				addTable(tables, next.group(1));
				from = next.end();
			}
		}
		return tables;
	}

	private static boolean aliasIsKeyword(String match) {
		String first = match.trim().split("[\\s,]+")[0].toLowerCase(Locale.ROOT);
		return NOT_ALIASES.contains(first);
	}

	/** Tables are written in one case (lower, or Spring Session's upper); mixed case is a JPQL entity. */
	private static void addTable(Set<String> tables, String name) {
		boolean oneCase = name.equals(name.toLowerCase(Locale.ROOT)) || name.equals(name.toUpperCase(Locale.ROOT));
		String table = name.toLowerCase(Locale.ROOT);
		if (oneCase && OWNERS.containsKey(table)) {
			tables.add(table);
		}
	}

	/** Whether the SQL inserts into, updates or deletes from the table. */
	static boolean writes(String sql, String table) {
		String name = Pattern.quote(table);
		return Pattern.compile("(?i)\\b(?:into|update|delete\\s+from)\\s+" + name + "\\b").matcher(sql).find();
	}

	/** The columns the SQL names through the table or its alias: {@code m.username}. */
	static Set<String> columnsRead(String sql, String table) {
		String name = Pattern.quote(table);
		Set<String> qualifiers = new TreeSet<>(Set.of(table));
		Matcher alias = Pattern.compile("(?i)\\b(?:from|join)\\s+" + name + "\\s+(?:as\\s+)?([A-Za-z_]\\w*)").matcher(sql);
		while (alias.find()) {
			if (!NOT_ALIASES.contains(alias.group(1).toLowerCase(Locale.ROOT))) {
				qualifiers.add(alias.group(1));
			}
		}
		Set<String> columns = new TreeSet<>();
		for (String qualifier : qualifiers) {
			Matcher column = Pattern.compile("(?<![\\w.])" + Pattern.quote(qualifier) + "\\.([A-Za-z_]\\w*)").matcher(sql);
			while (column.find()) {
				columns.add(column.group(1).toLowerCase(Locale.ROOT));
			}
		}
		return columns;
	}

	private static Set<String> words(String sql) {
		Set<String> words = new TreeSet<>();
		Matcher matcher = Pattern.compile("[A-Za-z_]\\w*").matcher(sql);
		while (matcher.find()) {
			words.add(matcher.group().toLowerCase(Locale.ROOT));
		}
		return words;
	}
}
