package org.steadfast.demo;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.steadfast.accounts.Role;
import org.steadfast.forum.ReactionKind;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * The people and conversations of the demo community. Everyone here is invented and no real
 * person is named; exes stay "my ex", "he", "she" or "they". The day counts that people mention
 * agree with one another across topics, so the community reads as one story when browsed.
 */
final class DemoContent {

	/** A demo member; only the {@code dev} profile gives demo members a password (see DemoData). */
	record Person(String username, String displayName, String timeZone, Role role, int joinedDaysAgo) {
	}

	/** A reply posted {@code after} the topic was started. */
	record Reply(String author, Duration after, String source) {
	}

	/** A reaction by {@code member} on the post numbered {@code postNumber} (1 is the first post). */
	record Reaction(int postNumber, String member, ReactionKind kind) {
	}

	/**
	 * A topic started {@code ago} before seeding. {@code helpfulPostNumber} is the reply its author
	 * marked as helpful (advice topics only), or null.
	 */
	record Conversation(String category, String author, Duration ago, String title, List<String> tags, String source,
			List<Reply> replies, List<Reaction> reactions, Integer helpfulPostNumber) {
	}

	static final List<Person> PEOPLE = List.of(
			new Person("northstar", "Northstar", "America/Los_Angeles", Role.MODERATOR, 30),
			new Person("quiet_harbor", "Quiet Harbor", "Europe/London", Role.MEMBER, 28),
			new Person("day_by_day", "Day by day", "America/New_York", Role.MEMBER, 21),
			new Person("still_standing", "Still standing", "Australia/Sydney", Role.MEMBER, 18),
			new Person("fern_and_tea", "Fern", "Europe/Berlin", Role.MEMBER, 14),
			new Person("slow_mornings", "Slow mornings", "Asia/Kolkata", Role.MEMBER, 12),
			new Person("lantern_walk", "Lantern", "America/Chicago", Role.MEMBER, 9),
			new Person("new_leaf", "New leaf", "Europe/Madrid", Role.MEMBER, 2));

	/** Tag names with their descriptions; an empty one is left for a moderator to write. */
	static final Map<String, String> TAGS = tags(
			"day-one", "The first day of no contact, or the first day again.",
			"urges", "The pull to text, call or check their profile, and what helps it pass.",
			"birthday", "Birthdays, anniversaries and other dates that bring them back to mind.",
			"mutual-friends", "Shared friends, parties and group chats.",
			"social-media", "Profiles, likes, stories and the urge to look.",
			"slip", "Broke no contact? Talk it through here, without shame.",
			"milestone", "Day 7, day 30, six months: marking the days that count.",
			"they-reached-out", "When your ex makes contact first.",
			"the-statement", "The one message that explains no contact, and what to put in it.",
			"sleep", "");

	/**
	 * The conversations, oldest first so that ids grow with time as they would in a real forum. The
	 * text lives in {@code src/main/resources/demo/conversations.yml}, where it can be edited as text.
	 */
	static final List<Conversation> CONVERSATIONS = load("demo/conversations.yml");

	/** The conversations of {@code demo/conversations.yml}, oldest first. */
	static List<Conversation> load(String resource) {
		try (InputStream in = DemoContent.class.getClassLoader().getResourceAsStream(resource)) {
			if (in == null) {
				throw new IllegalStateException("missing " + resource);
			}
			List<Map<String, Object>> items = new Yaml(new SafeConstructor(new LoaderOptions())).load(in);
			return items.stream().map(DemoContent::conversation).toList();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	@SuppressWarnings("unchecked")
	private static Conversation conversation(Map<String, Object> item) {
		List<Reply> replies = ((List<Map<String, Object>>) item.getOrDefault("replies", List.of())).stream()
				.map(r -> new Reply((String) r.get("author"), Duration.parse((String) r.get("after")), (String) r.get("text")))
				.toList();
		List<Reaction> reactions = ((List<String>) item.getOrDefault("reactions", List.of())).stream()
				.map(r -> r.split(" "))
				.map(r -> new Reaction(Integer.parseInt(r[0]), r[1], ReactionKind.valueOf(r[2])))
				.toList();
		return new Conversation((String) item.get("category"), (String) item.get("author"),
				Duration.parse((String) item.get("ago")), (String) item.get("title"), (List<String>) item.get("tags"),
				(String) item.get("text"), replies, reactions, (Integer) item.get("helpful"));
	}

	private DemoContent() {
	}

	private static Map<String, String> tags(String... namesAndDescriptions) {
		Map<String, String> tags = new LinkedHashMap<>();
		for (int i = 0; i < namesAndDescriptions.length; i += 2) {
			tags.put(namesAndDescriptions[i], namesAndDescriptions[i + 1]);
		}
		return Collections.unmodifiableMap(tags);
	}
}
